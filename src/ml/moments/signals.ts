/**
 * Viral moments: points in a customer's journey when a referral ask lands
 * well. Each signal that fires adds its weight; the moment's score is the sum,
 * capped at 1.
 */
import { checkInteger, checkNumber, mergeOptions } from "../options"

export type MomentSignal =
  | "first_order"
  | "repeat_milestone"
  | "high_value_order"
  | "delivered"
  | "positive_review"
  | "recent_sharing"

export type MomentWeights = Record<MomentSignal, number>

/**
 * Default weights. A first order or a positive review alone reaches the
 * default threshold (0.5); weaker signals need company, e.g. a delivered
 * order from a customer who shared recently (0.3 + 0.2).
 */
export const MOMENT_SIGNALS: Readonly<MomentWeights> = Object.freeze({
  /** The first purchase: novelty and the urge to tell friends peak. */
  first_order: 0.5,
  /** A repeat-order milestone (3rd, 5th, 10th by default): loyalty made visible. */
  repeat_milestone: 0.4,
  /** An order well above the customer's own average: a considered, happy purchase. */
  high_value_order: 0.3,
  /** The goods have arrived, so there is something to show. */
  delivered: 0.3,
  /** A review of at least 4 of 5, or an NPS of at least 9 of 10: a promoter. */
  positive_review: 0.5,
  /** The customer has shared in the last 30 days: already in the habit. */
  recent_sharing: 0.2,
})

export const MOMENT_SIGNAL_NAMES = Object.keys(MOMENT_SIGNALS) as MomentSignal[]

export const SIGNAL_DEFAULTS = {
  /** Order counts (including this order) that count as repeat milestones. */
  milestones: [3, 5, 10] as number[],
  /** An order is high-value at this multiple of the customer's previous average order value. */
  highValueRatio: 1.5,
  /** Lowest review score (of 5) that counts as positive. */
  minReviewScore: 4,
  /** Lowest NPS answer (of 10) that counts as positive: the promoters. */
  minNpsScore: 9,
  /** Shares in the last 30 days needed for recent_sharing. */
  minRecentShares: 1,
}

export type SignalOptions = typeof SIGNAL_DEFAULTS

export type MomentFacts = {
  /** Orders placed by the customer, this one included (1 = first order). */
  order_count_including_this: number
  order_total?: number
  /** Average of the customer's earlier orders; null or absent on a first order. */
  previous_average_order_value?: number | null
  delivered?: boolean
  /** Review score from 1 to 5, if the customer reviewed. */
  review_score?: number | null
  /** NPS answer from 0 to 10, if the customer answered. */
  nps_score?: number | null
  shares_last_30_days?: number
}

const OWNER = "detectSignals"

export function checkSignalOptions(owner: string, opts: SignalOptions): void {
  if (!Array.isArray(opts.milestones)) throw new RangeError(`${owner}: milestones must be an array of integers`)
  for (const m of opts.milestones) checkInteger(owner, "milestones[]", m, 2)
  checkNumber(owner, "highValueRatio", opts.highValueRatio, 0, Infinity, { minExclusive: true })
  checkNumber(owner, "minReviewScore", opts.minReviewScore, 1, 5)
  checkNumber(owner, "minNpsScore", opts.minNpsScore, 0, 10)
  checkNumber(owner, "minRecentShares", opts.minRecentShares, 1, Infinity)
}

/** The signals that fire for these facts, in MOMENT_SIGNAL_NAMES order. Missing facts fire nothing. */
export function detectSignals(facts: MomentFacts, options?: Partial<SignalOptions>): MomentSignal[] {
  const opts = mergeOptions(SIGNAL_DEFAULTS, options, OWNER)
  checkSignalOptions(OWNER, opts)
  return detectSignalsUnchecked(facts, opts)
}

/** detectSignals after its options are validated, for callers that validate once. */
export function detectSignalsUnchecked(facts: MomentFacts, opts: SignalOptions): MomentSignal[] {
  const count = facts.order_count_including_this
  checkInteger(OWNER, "order_count_including_this", count, 0)
  const fired: MomentSignal[] = []

  if (count === 1) fired.push("first_order")
  if (opts.milestones.includes(count)) fired.push("repeat_milestone")

  const total = facts.order_total
  const previous = facts.previous_average_order_value
  // A first order has no average of its own to beat.
  if (count > 1 && total != null && previous != null && previous > 0 && total >= opts.highValueRatio * previous) {
    fired.push("high_value_order")
  }

  if (facts.delivered === true) fired.push("delivered")

  const review = facts.review_score
  const nps = facts.nps_score
  if ((review != null && review >= opts.minReviewScore) || (nps != null && nps >= opts.minNpsScore)) {
    fired.push("positive_review")
  }

  if ((facts.shares_last_30_days ?? 0) >= opts.minRecentShares) fired.push("recent_sharing")
  return fired
}

/** Sum of the weights of the distinct signals given, capped at 1. Weights default to MOMENT_SIGNALS. */
export function scoreMoment(signals: readonly MomentSignal[], weights?: Partial<MomentWeights>): number {
  const w = mergeOptions<MomentWeights>({ ...MOMENT_SIGNALS }, weights, "scoreMoment")
  for (const name of MOMENT_SIGNAL_NAMES) checkNumber("scoreMoment", `weight of ${name}`, w[name], 0, Infinity)
  let total = 0
  for (const signal of new Set(signals)) {
    if (!(signal in w)) throw new RangeError(`scoreMoment: unknown signal "${String(signal)}"`)
    total += w[signal]
  }
  return Math.min(1, total)
}
