import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { savePropensityModelStep } from "../steps/save-propensity-model"
import { trainPropensityModelStep } from "../steps/train-propensity-model"

export const trainPropensityModelWorkflowId = "train-propensity-model"

/**
 * Nightly (and on demand from the admin): train a candidate propensity model
 * on the store's customers and promote it if it is no worse than the active
 * one (or hold it for an admin's confirmation if it would change the share of
 * customers not asked too much). Answers the new version, whether it was promoted and why, and its
 * metrics (not the serialised trees).
 */
export const trainPropensityModelWorkflow = createWorkflow(
  trainPropensityModelWorkflowId,
  (input: { now?: Date; seed?: number }) => {
    const trained = trainPropensityModelStep(input)
    const saved = savePropensityModelStep(trained)
    return new WorkflowResponse(
      transform({ trained, saved }, ({ trained, saved }) => ({
        id: saved.id,
        version: saved.version,
        promoted: saved.decision.promote,
        awaiting_confirmation: saved.decision.needs_confirmation,
        reason: saved.decision.reason,
        kind: trained.kind,
        auc: trained.auc,
        baseline_auc: trained.baseline_auc,
        positives: trained.positives,
        positive_rate: trained.positive_rate,
        n_train: trained.n_train,
        n_test: trained.n_test,
        importances: trained.importances,
        training_ms: trained.training_ms,
        suppressed_share: trained.suppressed_share,
        active_suppressed_share: trained.active_suppressed_share,
      }))
    )
  }
)
