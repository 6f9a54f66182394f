export type ModelSummary = { kind: "gradient_boosting" | "heuristic"; auc: number | null }

/** `needs_confirmation`: the candidate measured up but would change who is asked too much to go live silently. */
export type PromotionDecision = { promote: boolean; needs_confirmation: boolean; reason: string }

/** Share of the store's customers each model would put in "low" (not asked), on the same customers and settings. */
export type SuppressionShift = { candidate: number; active: number; max_shift: number }

/**
 * Whether a freshly trained candidate replaces the active model: always when
 * there is none; a learned model always replaces the heuristic; a heuristic
 * never replaces a learned model; between learned models, the candidate wins
 * unless its test AUC is worse by more than `tolerance`. A candidate that
 * wins but would move the share of suppressed customers by more than
 * `suppression.max_shift` waits for an admin's confirmation instead.
 */
export function decidePromotion(
  candidate: ModelSummary,
  active: ModelSummary | null,
  tolerance: number,
  suppression?: SuppressionShift
): PromotionDecision {
  if (!(tolerance >= 0)) {
    throw new RangeError(`tolerance must be at least 0, got ${tolerance}`)
  }
  const decision = measureUp(candidate, active, tolerance)
  if (!decision.promote || !active || !suppression) {
    return { ...decision, needs_confirmation: false }
  }
  const { candidate: next, active: now, max_shift } = suppression
  if (!(max_shift >= 0)) {
    throw new RangeError(`max_shift must be at least 0, got ${max_shift}`)
  }
  const shift = Math.abs(next - now)
  const shares = `it would suppress ${percent(next)} of customers for low propensity instead of ${percent(now)}`
  // The tolerance keeps shares that print the same from tripping the guard through float noise.
  return shift > max_shift + 1e-9
    ? {
        promote: false,
        needs_confirmation: true,
        reason: `${decision.reason}; awaiting an admin's confirmation: ${shares}, a shift above ${percent(max_shift)}`,
      }
    : { promote: true, needs_confirmation: false, reason: decision.reason }
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`
}

function measureUp(
  candidate: ModelSummary,
  active: ModelSummary | null,
  tolerance: number
): { promote: boolean; reason: string } {
  if (!active) {
    return { promote: true, reason: "no active model" }
  }
  if (candidate.kind === "heuristic") {
    return active.kind === "heuristic"
      ? { promote: true, reason: "still in cold start" }
      : { promote: false, reason: "a learned model is active; cold start does not replace it" }
  }
  if (candidate.auc === null) {
    return { promote: false, reason: "the test split had a single class, so the AUC is unknown" }
  }
  if (active.kind === "heuristic" || active.auc === null) {
    return { promote: true, reason: "first learned model" }
  }
  const delta = candidate.auc - active.auc
  return delta >= -tolerance
    ? { promote: true, reason: `AUC ${candidate.auc.toFixed(4)} vs active ${active.auc.toFixed(4)}` }
    : {
        promote: false,
        reason: `AUC ${candidate.auc.toFixed(4)} is more than ${tolerance} below the active ${active.auc.toFixed(4)}`,
      }
}
