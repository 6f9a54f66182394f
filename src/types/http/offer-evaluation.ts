import type { z } from "@medusajs/framework/zod"
import type { Estimate } from "../../ml/bandit/off-policy"
import type { AdminEvaluateOfferParams } from "../../api/admin/referrals/offers/evaluate/validators"

/** An estimate of a policy's value per prompt, in the evaluation's currency, with its 95% interval. */
export type PolicyEstimate = Estimate

/** GET /admin/referrals/offers/evaluate: what "always offer this arm" would have earned per prompt. */
export type OfferEvaluation = {
  arm_id: string
  currency_code: string
  logged: {
    /** Settled prompts in the currency the estimates use (with a logged probability). */
    prompts: number
    /** Of those, the ones the bandit gave this arm: the only ones IPS learns from. */
    matched: number
    /** Still open, or their referral's rewards not settled after the hold: left out (censored). */
    pending: number
    /** Settled but logged without a probability: left out. */
    without_probability: number
    /** Prompts whose issued referrer reward is a percentage code: its cost is not known money and is left out of their value. */
    percentage_rewards_unpriced: number
    /** Prompts with money in another currency, left out of their value (never summed across currencies). */
    other_currency: number
  }
  /** What the bandit actually earned per settled prompt (the logging policy's value); null without prompts. */
  current_policy_value: PolicyEstimate | null
  /** Inverse propensity scoring; null without prompts. */
  ips: PolicyEstimate | null
  /** Self-normalised IPS; null when the arm was never chosen. */
  snips: PolicyEstimate | null
  /** Doubly robust: per-context mean of the arm, corrected by IPS; null without prompts. */
  dr: PolicyEstimate | null
  /** How many equally weighted prompts the estimate is worth. */
  effective_sample_size: number
  /** Logged probabilities below `min_probability` were raised to it; `count` of them. */
  clipped: { min_probability: number; count: number }
}

export type AdminEvaluateOfferQuery = z.input<typeof AdminEvaluateOfferParams>
export type AdminOfferEvaluationResponse = { evaluation: OfferEvaluation }
