/**
 * Off-policy evaluation of "always offer arm X" from the bandit's decision
 * log: what the store would have earned per prompt had it always made that
 * offer, estimated from decisions the bandit actually took (each logged with
 * its context, arm, the probability it had of being chosen, and the realised
 * reward), without running the new policy.
 *
 * - IPS (inverse propensity scoring): mean of 1[a = X] · r / p. Unbiased when
 *   every logged p is right and X could have been chosen in every context;
 *   high variance when p is small.
 * - SNIPS (self-normalised IPS): Σ w·r / Σ w with w = 1[a = X] / p. A little
 *   biased, far steadier when weights are large; null when X never matched.
 * - DR (doubly robust): q(c) + w · (r − q(c)), averaged, with a direct model
 *   q(c) = mean reward of arm X in context c among the logged decisions,
 *   falling back to arm X's mean over all contexts, then to 0 when X was never
 *   logged (DR is then IPS). Unbiased if either the p or the model is right,
 *   and lower variance than IPS when the model explains the rewards. The model
 *   is fitted on the same log it corrects (no cross-fitting): fine for the
 *   per-context means used here, which have one parameter per context.
 *
 * Standard errors are the sample standard deviation of the per-decision terms
 * over √n (SNIPS by the delta method); intervals are normal 95%. Logged
 * probabilities below `minProbability` are raised to it (clipping), which caps
 * any one decision's weight at 1 / minProbability at the price of some bias;
 * the result says how many were clipped.
 */
import { checkNumber, mergeOptions } from "../options"

export const OFF_POLICY_DEFAULTS = {
  /** Logged probabilities below this are raised to it before weighting. */
  minProbability: 0.01,
}

export type OffPolicyOptions = typeof OFF_POLICY_DEFAULTS

/** One logged decision: where, what was chosen, with which probability, and what it earned. */
export type LoggedDecision = {
  context_key: string
  arm_id: string
  /** Probability the logging policy had of choosing `arm_id` here, in (0, 1]. */
  probability: number
  reward: number
}

export type Estimate = {
  value: number
  standard_error: number
  /** Normal 95% interval. */
  interval: [number, number]
}

export type OffPolicyEvaluation = {
  arm_id: string
  /** Logged decisions used. */
  n: number
  /** Of those, how many chose `arm_id` (the only ones IPS learns from). */
  matched: number
  /** The logging policy's own value: the mean logged reward (null without decisions). */
  current_policy: Estimate | null
  ips: Estimate | null
  snips: Estimate | null
  dr: Estimate | null
  /** (Σ w)² / Σ w²: how many equally weighted decisions the estimate is worth (0 when none matched). */
  effective_sample_size: number
  clipped: { min_probability: number; count: number }
}

const OWNER = "evaluateAlwaysArm"
const Z95 = 1.959964

/** Off-policy estimates of the policy "always choose `armId`" from logged decisions (see the module header). */
export function evaluateAlwaysArm(
  decisions: readonly LoggedDecision[],
  armId: string,
  options?: Partial<OffPolicyOptions>
): OffPolicyEvaluation {
  const { minProbability } = mergeOptions(OFF_POLICY_DEFAULTS, options, OWNER)
  checkNumber(OWNER, "minProbability", minProbability, 0, 1, { minExclusive: true })
  if (typeof armId !== "string" || !armId) {
    throw new RangeError(`${OWNER}: armId must be a non-empty string`)
  }
  decisions.forEach(checkDecision)
  const n = decisions.length
  const clipped = { min_probability: minProbability, count: 0 }
  const weights = decisions.map((d) => {
    if (d.arm_id !== armId) return 0
    if (d.probability < minProbability) clipped.count++
    return 1 / Math.max(d.probability, minProbability)
  })
  const matched = decisions.filter((d) => d.arm_id === armId).length
  const model = directModel(decisions, armId)
  const sumW = sum(weights)
  const sumW2 = sum(weights.map((w) => w * w))
  return {
    arm_id: armId,
    n,
    matched,
    current_policy: meanEstimate(decisions.map((d) => d.reward)),
    ips: meanEstimate(decisions.map((d, i) => weights[i] * d.reward)),
    snips: selfNormalised(decisions, weights, sumW),
    dr: meanEstimate(
      decisions.map((d, i) => {
        const q = model(d.context_key)
        return q + weights[i] * (d.reward - q)
      })
    ),
    effective_sample_size: sumW2 > 0 ? (sumW * sumW) / sumW2 : 0,
    clipped,
  }
}

function checkDecision(d: LoggedDecision, i: number) {
  if (!d || typeof d.context_key !== "string" || typeof d.arm_id !== "string" || !d.arm_id) {
    throw new RangeError(`${OWNER}: decision ${i} needs a context_key and an arm_id`)
  }
  checkNumber(OWNER, `decision ${i} probability`, d.probability, 0, 1, { minExclusive: true })
  if (typeof d.reward !== "number" || !Number.isFinite(d.reward)) {
    throw new RangeError(`${OWNER}: decision ${i} reward must be a finite number, got ${String(d.reward)}`)
  }
}

/** q(c): arm X's mean logged reward in context c, else over all contexts, else 0. */
function directModel(decisions: readonly LoggedDecision[], armId: string): (context: string) => number {
  const byContext = new Map<string, { total: number; count: number }>()
  let total = 0
  let count = 0
  for (const d of decisions) {
    if (d.arm_id !== armId) continue
    const cell = byContext.get(d.context_key) ?? { total: 0, count: 0 }
    cell.total += d.reward
    cell.count++
    byContext.set(d.context_key, cell)
    total += d.reward
    count++
  }
  const global = count ? total / count : 0
  return (context) => {
    const cell = byContext.get(context)
    return cell ? cell.total / cell.count : global
  }
}

/** Mean of per-decision terms with its standard error; null when there are none. */
function meanEstimate(terms: number[]): Estimate | null {
  const n = terms.length
  if (!n) return null
  const mean = sum(terms) / n
  const variance = n > 1 ? sum(terms.map((t) => (t - mean) ** 2)) / (n - 1) : 0
  return estimate(mean, Math.sqrt(variance / n))
}

/** Σ w·r / Σ w, its standard error by the delta method: √Σ w²(r − v)² / Σ w. */
function selfNormalised(decisions: readonly LoggedDecision[], weights: number[], sumW: number): Estimate | null {
  if (sumW <= 0) return null
  const value = sum(decisions.map((d, i) => weights[i] * d.reward)) / sumW
  const spread = sum(decisions.map((d, i) => (weights[i] * (d.reward - value)) ** 2))
  return estimate(value, Math.sqrt(spread) / sumW)
}

function estimate(value: number, standardError: number): Estimate {
  return { value, standard_error: standardError, interval: [value - Z95 * standardError, value + Z95 * standardError] }
}

function sum(values: number[]): number {
  let total = 0
  for (const v of values) total += v
  return total
}
