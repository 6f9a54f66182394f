import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { scoreCustomerPropensityWorkflow } from "../../../../../../workflows"
import type { AdminCustomerPropensityResponse } from "../../../../../../types"

/** A customer's propensity to refer: score, band, model version and the features that drive it most. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminCustomerPropensityResponse>) => {
  const { result } = await scoreCustomerPropensityWorkflow(req.scope).run({
    input: { customer_ids: [req.params.id] },
  })
  res.json({ propensity: result[0] })
}
