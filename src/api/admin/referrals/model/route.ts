import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PROPENSITY_FEATURES } from "../../../../ml/propensity/features"
import type { AdminPropensityModelResponse } from "../../../../types"
import { PROPENSITY_MODEL_SUMMARY_FIELDS as SUMMARY_FIELDS } from "./summary-fields"

/**
 * The propensity model in force and the recent training runs with their
 * metrics. `cold_start` is true while the heuristic scores customers;
 * `awaiting_confirmation` is a newer model held back because it would change
 * the share of customers not asked too much (its `reason` says by how much).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminPropensityModelResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: active }, { data: awaiting }, { data: recent }] = await Promise.all([
    query.graph({ entity: "propensity_model", fields: SUMMARY_FIELDS, filters: { status: "active" } }),
    query.graph({ entity: "propensity_model", fields: SUMMARY_FIELDS, filters: { status: "awaiting_confirmation" } }),
    query.graph({
      entity: "propensity_model",
      fields: SUMMARY_FIELDS,
      pagination: { order: { version: "DESC" }, take: 10 },
    }),
  ])
  res.json({
    active: active[0] ?? null,
    awaiting_confirmation: awaiting[0] ?? null,
    cold_start: !active[0] || active[0].kind === "heuristic",
    models: recent,
    features: PROPENSITY_FEATURES,
  })
}
