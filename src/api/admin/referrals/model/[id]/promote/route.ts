import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AdminPromotePropensityModelResponse, PropensityModelSummary } from "../../../../../../types"
import { confirmPropensityModelWorkflow } from "../../../../../../workflows"
import { PROPENSITY_MODEL_SUMMARY_FIELDS } from "../../summary-fields"
import type { AdminPromotePropensityModelType } from "../../validators"

/**
 * Promote a model awaiting confirmation (it would change the share of customers
 * not asked by more than the program allows without one). 404 for an unknown
 * model, 400 for one that is not awaiting confirmation.
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminPromotePropensityModelType>,
  res: MedusaResponse<AdminPromotePropensityModelResponse>
) => {
  await confirmPropensityModelWorkflow(req.scope).run({ input: { id: req.params.id } })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "propensity_model",
    fields: PROPENSITY_MODEL_SUMMARY_FIELDS,
    filters: { id: req.params.id },
  })
  res.json({ model: data[0] as PropensityModelSummary })
}
