/**
 * Learned timing: whether to ask a customer to refer at the moment happening
 * now, or to wait for a later one (delivery, a review, a repeat purchase).
 *
 * Each moment type's value per ask (the share of success a settled prompt
 * realised, bandit_value in [0, 1]) has a Beta(1 + value, 1 + asks − value)
 * posterior in the customer's context. Thompson sampling draws one value per
 * moment; a later moment's draw is multiplied by a draw of the chance that the
 * customer reaches it at all (Beta(1 + reached, 1 + of − reached)), since
 * waiting for a delivery that never comes asks nobody. We wait when the best
 * draw is a later moment, so waiting is chosen in proportion to the
 * probability that it is better, and exploration stops when the data agree.
 *
 * Until `current` and a later moment both have `minEvidence` asks we ask now,
 * which is what the plugin did before it learned timing, except for an
 * optional `explore` share that waits for a later moment still short of
 * evidence, so that one gets its first asks.
 */
import { checkNumber } from "../options"
import { sampleBeta } from "../bandit/beta-sampler"
import { betaCredibleInterval } from "../bandit/credible-interval"

export interface MomentTimingEvidence {
  /** The moment type the asks were made at. */
  moment: string
  /** Settled weight of asks (may be fractional). */
  asks: number
  /** Sum of their bandit values, 0 <= value <= asks. */
  value: number
}

/** Of customers asked/eligible at `current`, how many later reached this moment within the cycle. */
export interface MomentReach {
  reached: number
  of: number
}

export interface MomentTimingInput {
  /** The moment happening now. */
  current: string
  /** Later moment types this customer can still reach within the cycle. */
  later: string[]
  /** This context's evidence, any moments; rows for the same moment are added up. */
  evidence: MomentTimingEvidence[]
  /** Optional; a later moment without an entry is assumed always reached. */
  reach?: Record<string, MomentReach>
  /** Below this many asks at `current` or at a later moment, that later moment is not considered. */
  minEvidence: number
  random: () => number
  /**
   * Optional, default 0: while cold, the share of decisions that wait for a
   * later moment still short of `minEvidence` asks (chosen uniformly), so that
   * a store which has always asked at once gathers evidence there at all.
   */
  explore?: number
}

export interface MomentTimingDecision {
  decision: "ask_now" | "wait"
  /** The later moment chosen when waiting. */
  wait_for: string | null
  /** Thompson draws, after reach discount, per moment considered. */
  sampled: Record<string, number>
  /** True when no later moment had enough evidence (asks now, the behaviour before learned timing, unless exploring). */
  cold: boolean
  /** True when this decision waits only to explore (see `explore`). */
  explored?: boolean
}

export interface MomentValueSummary {
  moment: string
  asks: number
  mean: number
  lower: number
  upper: number
}

const OWNER = "decideMomentTiming"

type Totals = { asks: number; value: number }

/** Evidence added up per moment, in order of first appearance, after checking each row. */
function totalsByMoment(owner: string, evidence: readonly MomentTimingEvidence[]): Map<string, Totals> {
  if (!Array.isArray(evidence)) throw new RangeError(`${owner}: evidence must be an array`)
  const totals = new Map<string, Totals>()
  for (const row of evidence) {
    if (typeof row?.moment !== "string" || row.moment === "") throw new RangeError(`${owner}: evidence.moment must be a non-empty string`)
    checkNumber(owner, `asks at ${row.moment}`, row.asks, 0, Infinity)
    // A rounding error past asks (sums of fractional values) is tolerated; posterior() clamps it.
    checkNumber(owner, `value at ${row.moment}`, row.value, 0, row.asks + 1e-9 * Math.max(1, row.asks))
    const t = totals.get(row.moment) ?? { asks: 0, value: 0 }
    t.asks += row.asks
    t.value += row.value
    totals.set(row.moment, t)
  }
  return totals
}

/** Beta parameters of a moment's value per ask, from a uniform prior. */
function posterior(t: Totals | undefined): { alpha: number; beta: number } {
  const asks = t?.asks ?? 0
  // Summing rows can push value a rounding error past asks; the failure side must stay ≥ 0.
  const value = Math.min(t?.value ?? 0, asks)
  return { alpha: 1 + value, beta: 1 + asks - value }
}

export function decideMomentTiming(input: MomentTimingInput): MomentTimingDecision {
  const { current, later, reach, minEvidence, random } = input
  if (typeof current !== "string" || current === "") throw new RangeError(`${OWNER}: current must be a non-empty string`)
  if (!Array.isArray(later)) throw new RangeError(`${OWNER}: later must be an array of moment types`)
  checkNumber(OWNER, "minEvidence", minEvidence, 0, Infinity)
  if (typeof random !== "function") throw new RangeError(`${OWNER}: random must be a function`)
  const totals = totalsByMoment(OWNER, input.evidence)
  if (reach !== undefined) {
    for (const [moment, r] of Object.entries(reach)) {
      checkNumber(OWNER, `reach.${moment}.of`, r?.of, 0, Infinity)
      checkNumber(OWNER, `reach.${moment}.reached`, r.reached, 0, r.of)
    }
  }

  const explore = input.explore ?? 0
  checkNumber(OWNER, "explore", explore, 0, 1)

  // Distinct later moments, in the order given; `current` itself is never "later".
  const distinct = [...new Set(later)].filter((m) => m !== current)
  const enough = (m: string) => (totals.get(m)?.asks ?? 0) >= minEvidence
  const candidates = enough(current) ? distinct.filter(enough) : []
  if (candidates.length === 0) {
    const thin = distinct.filter((m) => !enough(m))
    // Draws only when exploring, so the default cold start consumes no randomness.
    if (explore > 0 && thin.length > 0 && random() < explore) {
      const wait_for = thin[Math.min(thin.length - 1, Math.floor(random() * thin.length))]
      return { decision: "wait", wait_for, sampled: {}, cold: true, explored: true }
    }
    return { decision: "ask_now", wait_for: null, sampled: {}, cold: true }
  }

  const nowParams = posterior(totals.get(current))
  const sampled: Record<string, number> = { [current]: sampleBeta(nowParams.alpha, nowParams.beta, random) }
  let best: string | null = null
  let bestDraw = sampled[current]
  for (const moment of candidates) {
    const p = posterior(totals.get(moment))
    let draw = sampleBeta(p.alpha, p.beta, random)
    const r = reach?.[moment]
    if (r !== undefined) draw *= sampleBeta(1 + r.reached, 1 + r.of - r.reached, random)
    sampled[moment] = draw
    // Ties go to asking now: a bird in the hand.
    if (draw > bestDraw) {
      bestDraw = draw
      best = moment
    }
  }
  return best === null
    ? { decision: "ask_now", wait_for: null, sampled, cold: false }
    : { decision: "wait", wait_for: best, sampled, cold: false }
}

/**
 * Per moment, in order of first appearance: settled asks, the posterior mean
 * value per ask and its equal-tailed credible interval (default 90%), for the
 * admin to see how sure the timing learner is.
 */
export function summarizeMomentTiming(evidence: MomentTimingEvidence[], level = 0.9): MomentValueSummary[] {
  const owner = "summarizeMomentTiming"
  checkNumber(owner, "level", level, 0, 1, { minExclusive: true, maxExclusive: true })
  const out: MomentValueSummary[] = []
  for (const [moment, t] of totalsByMoment(owner, evidence)) {
    const params = posterior(t)
    const [lower, upper] = betaCredibleInterval(params, level)
    out.push({ moment, asks: t.asks, mean: params.alpha / (params.alpha + params.beta), lower, upper })
  }
  return out
}
