import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { evaluateOfferPolicyWorkflow } from "../../../../../workflows"
import type { AdminOfferEvaluationResponse } from "../../../../../types"
import type { AdminEvaluateOfferParamsType } from "./validators"

/**
 * What "always offer this arm" would have earned per prompt, estimated offline
 * from the bandit's decision log and each settled prompt's realised net value
 * in one currency (default the store's): IPS, SNIPS and doubly robust.
 */
export const GET = async (
  req: AuthenticatedMedusaRequest<unknown, AdminEvaluateOfferParamsType>,
  res: MedusaResponse<AdminOfferEvaluationResponse>
) => {
  const { arm_id, currency_code, min_probability } = req.validatedQuery
  const { result } = await evaluateOfferPolicyWorkflow(req.scope).run({
    input: { arm_id, currency_code: currency_code ?? null, min_probability: min_probability ?? null },
  })
  res.json({ evaluation: result })
}
