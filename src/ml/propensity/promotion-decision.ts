export type ModelSummary = { kind: "gradient_boosting" | "heuristic"; auc: number | null }

export type PromotionDecision = { promote: boolean; reason: string }

/**
 * Whether a freshly trained candidate replaces the active model: always when
 * there is none; a learned model always replaces the heuristic; a heuristic
 * never replaces a learned model; between learned models, the candidate wins
 * unless its test AUC is worse by more than `tolerance`.
 */
export function decidePromotion(
  candidate: ModelSummary,
  active: ModelSummary | null,
  tolerance: number
): PromotionDecision {
  if (!(tolerance >= 0)) {
    throw new RangeError(`tolerance must be at least 0, got ${tolerance}`)
  }
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
