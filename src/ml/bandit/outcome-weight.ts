/**
 * What one settled prompt teaches the bandit: a Beta–Bernoulli observation
 * with a fractional outcome. A prompt that realised net value v (the friend's
 * margin minus the incentives actually paid) against `reference` (the margin
 * of one typical friend before incentives) counts
 *
 *   r = clamp(v / reference, 0, 1)  as success weight, and 1 − r as failure weight,
 *
 * so a friend whose first order made a typical margin at no cost is a full
 * success, one who cost half of it a half, and a loss (v ≤ 0: returned,
 * rejected, clawed back, incentives paid for nothing) a full failure. r is
 * capped at 1: each prompt stays one observation, so the posterior mean stays
 * a rate in [0, 1] that the cost-aware choice can multiply by a margin.
 */
export function successWeight(value: number, reference: number): number {
  if (!Number.isFinite(value)) {
    throw new RangeError(`successWeight: value must be a finite number, got ${value}`)
  }
  if (!(reference > 0) || !Number.isFinite(reference)) {
    throw new RangeError(`successWeight: reference must be a positive finite number, got ${reference}`)
  }
  return Math.min(1, Math.max(0, value / reference))
}

/**
 * A settled prompt's success weight against what one typical friend nets
 * under the prompt's own offer: `successWeight(value, expectedMargin −
 * expectedCost)`. `chooseArm` values an arm at its posterior rate ×
 * (expectedMargin − expected_cost), so weighing each prompt by that same net
 * makes the product the arm's expected net value per prompt. Weighing every
 * offer against the bare margin would count each offer's cost twice (once in
 * the realised value, once in the choice) and favour the cheapest offer
 * whatever it brings. An offer that costs the whole margin or more has no
 * positive scale: then only gain (1) or loss (0) counts.
 */
export function offerSuccessWeight(value: number, expectedMargin: number, expectedCost: number): number {
  if (!Number.isFinite(expectedMargin) || !Number.isFinite(expectedCost) || expectedCost < 0) {
    throw new RangeError(`offerSuccessWeight: expectedMargin and expectedCost must be finite, cost not negative, got ${expectedMargin}, ${expectedCost}`)
  }
  const net = expectedMargin - expectedCost
  if (net > 0) {
    return successWeight(value, net)
  }
  if (!Number.isFinite(value)) {
    throw new RangeError(`offerSuccessWeight: value must be a finite number, got ${value}`)
  }
  return value > 0 ? 1 : 0
}

export type OutcomeDelta = { successes: number; failures: number }

/**
 * The change to a (arm, context) counter when a prompt's recorded weight moves
 * from `previous` to `next`; null means the prompt contributes nothing (not
 * settled yet, or its settlement undone). A re-settlement (a clawback after
 * the reward was issued) thus applies only the difference.
 */
export function outcomeDelta(previous: number | null, next: number | null): OutcomeDelta {
  const part = (weight: number | null): OutcomeDelta =>
    weight === null ? { successes: 0, failures: 0 } : { successes: weight, failures: 1 - weight }
  const before = part(previous)
  const after = part(next)
  return { successes: after.successes - before.successes, failures: after.failures - before.failures }
}

/**
 * An open prompt's censored failure weight at decision time: the share of its
 * window that has passed, in [0, 1]. Without it an arm offered yesterday looks
 * like an arm that never fails, since its failures only arrive when prompts expire.
 */
export function censoredFailureWeight(ageMs: number, windowMs: number): number {
  if (!(windowMs > 0)) {
    return 1
  }
  return Math.min(1, Math.max(0, ageMs / windowMs))
}
