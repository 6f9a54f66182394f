/**
 * Whether to ask now: the moment must score high enough, and then no
 * suppression rule may apply.
 */
import type { PropensityBand } from "../propensity/bands"
import { checkInteger, checkNumber, mergeOptions } from "../options"
import {
  MOMENT_SIGNALS,
  SIGNAL_DEFAULTS,
  checkSignalOptions,
  detectSignalsUnchecked,
  scoreMoment,
  type MomentFacts,
  type MomentSignal,
  type MomentWeights,
  type SignalOptions,
} from "./signals"

export type SuppressionReason =
  | "experiment_holdout"
  | "low_propensity"
  | "open_prompt"
  | "asked_recently"
  | "customer_frequency_cap"
  | "store_frequency_cap"

/**
 * The order rules are checked in; the first that applies is the reason.
 * The holdout comes first so that every holdout customer with a qualifying
 * moment is logged as such (the counterfactual prompts of the experiment).
 * Then the customer's own rules, most permanent first. The store-wide cap
 * comes last, so its count measures only prompts lost to the cap itself.
 */
export const SUPPRESSION_ORDER: readonly SuppressionReason[] = [
  "experiment_holdout",
  "low_propensity",
  "open_prompt",
  "asked_recently",
  "customer_frequency_cap",
  "store_frequency_cap",
]

export const SUPPRESSION_DEFAULTS = {
  /** No second ask within this many days of the last. */
  ask_cooldown_days: 14,
  /** At most this many asks to a customer in any 30 days. */
  max_prompts_per_30_days: 2,
  /** At most this many asks store-wide per day. */
  store_daily_cap: 500,
}

export type SuppressionRules = typeof SUPPRESSION_DEFAULTS

export type SuppressionFacts = {
  /** In the experiment's control group: never asked. */
  holdout: boolean
  propensity_band: PropensityBand
  /** A "low" customer picked for exploration: asked anyway, so the model keeps learning from the low band. */
  explore?: boolean
  /** An earlier ask is still unanswered and unexpired. */
  open_prompt: boolean
  /** Days since the customer was last asked; null if never. */
  days_since_last_prompt: number | null
  prompts_last_30_days: number
  store_prompts_today: number
}

function checkRules(owner: string, rules: SuppressionRules): void {
  checkNumber(owner, "ask_cooldown_days", rules.ask_cooldown_days, 0, Infinity)
  checkInteger(owner, "max_prompts_per_30_days", rules.max_prompts_per_30_days, 0)
  checkInteger(owner, "store_daily_cap", rules.store_daily_cap, 0)
}

/** The first rule (in SUPPRESSION_ORDER) that forbids asking, or null. */
export function suppressionReason(facts: SuppressionFacts, rules?: Partial<SuppressionRules>): SuppressionReason | null {
  const r = mergeOptions(SUPPRESSION_DEFAULTS, rules, "suppressionReason")
  checkRules("suppressionReason", r)
  return suppressionReasonUnchecked(facts, r)
}

const BANDS: readonly PropensityBand[] = ["high", "medium", "low"]

function checkFacts(owner: string, facts: SuppressionFacts): void {
  if (!BANDS.includes(facts.propensity_band)) throw new RangeError(`${owner}: unknown propensity_band ${String(facts.propensity_band)}`)
  if (facts.days_since_last_prompt !== null) checkNumber(owner, "days_since_last_prompt", facts.days_since_last_prompt, 0, Infinity)
  checkInteger(owner, "prompts_last_30_days", facts.prompts_last_30_days, 0)
  checkInteger(owner, "store_prompts_today", facts.store_prompts_today, 0)
}

function suppressionReasonUnchecked(facts: SuppressionFacts, r: SuppressionRules): SuppressionReason | null {
  checkFacts("suppressionReason", facts)
  if (facts.holdout) return "experiment_holdout"
  if (facts.propensity_band === "low" && !facts.explore) return "low_propensity"
  if (facts.open_prompt) return "open_prompt"
  if (facts.days_since_last_prompt !== null && facts.days_since_last_prompt < r.ask_cooldown_days) return "asked_recently"
  if (facts.prompts_last_30_days >= r.max_prompts_per_30_days) return "customer_frequency_cap"
  if (facts.store_prompts_today >= r.store_daily_cap) return "store_frequency_cap"
  return null
}

export const EVALUATE_MOMENT_DEFAULTS = {
  /** Lowest moment score worth asking at. */
  threshold: 0.5,
}

export type MomentDecisionReason = SuppressionReason | "below_threshold"

export type MomentDecision = {
  decision: "prompted" | "suppressed"
  /** Why not; null when prompted. */
  reason: MomentDecisionReason | null
  score: number
  signals: MomentSignal[]
}

export type EvaluateMomentInput = {
  moment: MomentFacts
  customer: SuppressionFacts
  rules?: Partial<SuppressionRules>
  weights?: Partial<MomentWeights>
  signalOptions?: Partial<SignalOptions>
  threshold?: number
}

/** Scores below the threshold by less than this still count, so 0.3 + 0.2 reaches 0.5 whatever the rounding. */
const SCORE_TOLERANCE = 1e-9

/**
 * Detects and scores the moment, then applies the suppression rules. A weak
 * moment is "below_threshold" before any rule is looked at: suppression
 * reasons are kept for moments that were worth an ask.
 */
export function evaluateMoment(input: EvaluateMomentInput): MomentDecision {
  const owner = "evaluateMoment"
  const { threshold } = mergeOptions(EVALUATE_MOMENT_DEFAULTS, { threshold: input.threshold }, owner)
  checkNumber(owner, "threshold", threshold, 0, 1)
  const signalOpts = mergeOptions(SIGNAL_DEFAULTS, input.signalOptions, owner)
  checkSignalOptions(owner, signalOpts)
  const rules = mergeOptions(SUPPRESSION_DEFAULTS, input.rules, owner)
  checkRules(owner, rules)

  const signals = detectSignalsUnchecked(input.moment, signalOpts)
  const score = scoreMoment(signals, input.weights ?? MOMENT_SIGNALS)
  if (score < threshold - SCORE_TOLERANCE) return { decision: "suppressed", reason: "below_threshold", score, signals }
  const reason = suppressionReasonUnchecked(input.customer, rules)
  return { decision: reason === null ? "prompted" : "suppressed", reason, score, signals }
}
