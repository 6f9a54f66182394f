import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROPENSITY_FEATURES } from "../../../../ml/propensity/features"
import type { AdminPropensityModelResponse } from "../../../../types"

const SUMMARY_FIELDS = [
  "id",
  "version",
  "kind",
  "status",
  "trained_at",
  "label",
  "n_train",
  "n_test",
  "positives",
  "positive_rate",
  "auc",
  "baseline_auc",
  "importances",
  "training_ms",
  "reason",
]

/**
 * The propensity model in force and the recent training runs with their
 * metrics. `cold_start` is true while the heuristic scores customers.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPropensityModelResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: active }, { data: recent }] = await Promise.all([
    query.graph({ entity: "propensity_model", fields: SUMMARY_FIELDS, filters: { status: "active" } }),
    query.graph({
      entity: "propensity_model",
      fields: SUMMARY_FIELDS,
      pagination: { order: { version: "DESC" }, take: 10 },
    }),
  ])
  res.json({
    active: active[0] ?? null,
    cold_start: !active[0] || active[0].kind === "heuristic",
    models: recent,
    features: PROPENSITY_FEATURES,
  })
}
