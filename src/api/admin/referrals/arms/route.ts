import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { listIncentiveArmsWorkflow, saveIncentiveArmWorkflow } from "../../../../workflows"
import type { AdminIncentiveArmListResponse, AdminIncentiveArmResponse } from "../../../../types"
import type { AdminCreateIncentiveArmType } from "./validators"

/**
 * The offers the bandit chooses from, each with its overall record, its
 * posterior conversion rate and the bandit's value model (see
 * `computeIncentiveArmValuesStep`).
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminIncentiveArmListResponse>) => {
  const { result } = await listIncentiveArmsWorkflow(req.scope).run()
  res.json(result)
}

/** Create an offer. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateIncentiveArmType>, res: MedusaResponse<AdminIncentiveArmResponse>) => {
  const { result: arm } = await saveIncentiveArmWorkflow(req.scope).run({ input: { data: req.validatedBody } })
  res.status(201).json({ arm })
}
