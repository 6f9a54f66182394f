import { mixedHash32 } from "../hash"

export type PropensityBand = "high" | "medium" | "low"

/**
 * Bands are relative to the store: a calibrated probability of referring is a
 * few percent for nearly everyone, so fixed probability thresholds would put
 * almost every customer in "low" once a learned model scores them. Instead the
 * model stores the percentiles of its scores over the store's customers
 * (computed when it is trained), and the settings say which shares to ask.
 */
export type BandShares = {
  /** Share of customers asked at all (the top of the distribution); the rest are "low". */
  ask_share: number
  /** Share of customers asked readily ("high"); at most `ask_share`. */
  high_share: number
}

/** Score cut points: below `low` is "low", from `high` up is "high". */
export type BandCuts = { low: number; high: number }

/** Percentiles 0..100 are stored, so a share is honoured to the percent. */
export const PERCENTILE_STEPS = 100

/** Shares such as 0.8 are 19.999… percent after `1 - share`; this keeps them on their grid point. */
const GRID_TOLERANCE = 1e-9

/**
 * The score distribution as percentiles: entry i is the score of the customer
 * at rank floor(i% × n) (ascending), so at most i% of customers score strictly
 * below it, ties included. Empty when there are no scores.
 */
export function scorePercentiles(scores: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(scores)
  for (const score of sorted) {
    if (!Number.isFinite(score)) {
      throw new RangeError(`scorePercentiles: scores must be finite numbers, got ${score}`)
    }
  }
  if (!sorted.length) {
    return []
  }
  sorted.sort()
  const n = sorted.length
  return Array.from({ length: PERCENTILE_STEPS + 1 }, (_, i) => sorted[Math.min(n - 1, Math.floor((i * n) / PERCENTILE_STEPS))])
}

function checkShares(shares: BandShares): void {
  const { ask_share, high_share } = shares
  if (!(ask_share >= 0 && ask_share <= 1)) throw new RangeError(`ask_share must be between 0 and 1, got ${ask_share}`)
  if (!(high_share >= 0 && high_share <= ask_share)) {
    throw new RangeError(`high_share must be between 0 and ask_share (${ask_share}), got ${high_share}`)
  }
}

/** The percentile a share starts at, rounded down so a share never suppresses more than it says. */
function percentileIndex(share: number): number {
  return Math.max(0, Math.min(PERCENTILE_STEPS, Math.floor((1 - share) * PERCENTILE_STEPS + GRID_TOLERANCE)))
}

/**
 * Cut points for the shares. "Low" is strictly below the (1 − ask_share)
 * percentile, so on the distribution the percentiles came from at most
 * 1 − ask_share of customers are low (fewer when scores tie at the cut).
 */
export function bandCuts(percentiles: readonly number[], shares: BandShares): BandCuts {
  if (percentiles.length !== PERCENTILE_STEPS + 1) {
    throw new RangeError(`bandCuts: expected ${PERCENTILE_STEPS + 1} percentiles, got ${percentiles.length}`)
  }
  checkShares(shares)
  return { low: percentiles[percentileIndex(shares.ask_share)], high: percentiles[percentileIndex(shares.high_share)] }
}

/** The band of a score: "high" from the high cut, "low" below the low cut, "medium" between. */
export function propensityBand(score: number, cuts: BandCuts): PropensityBand {
  return score >= cuts.high ? "high" : score < cuts.low ? "low" : "medium"
}

/** Share of the scores that fall in "low" (not asked, exploration aside). */
export function lowShare(scores: ArrayLike<number>, cuts: BandCuts): number {
  if (!scores.length) {
    return 0
  }
  let low = 0
  for (let i = 0; i < scores.length; i++) {
    if (scores[i] < cuts.low) low++
  }
  return low / scores.length
}

/**
 * Whether a "low" customer is asked anyway, so the model keeps getting labels
 * from the customers it would otherwise never ask. Deterministic: a hash of
 * the customer and the seed (the model's id, so each model explores a fresh
 * sample), below `share`.
 */
export function isExplored(customerId: string, seed: string, share: number): boolean {
  if (!(share >= 0 && share <= 1)) {
    throw new RangeError(`isExplored: share must be between 0 and 1, got ${share}`)
  }
  return mixedHash32(`${seed}:${customerId}`) / 2 ** 32 < share
}
