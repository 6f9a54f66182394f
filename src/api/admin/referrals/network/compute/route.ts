import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { computeReferralNetworkWorkflow } from "../../../../../workflows"
import type { AdminComputeReferralNetworkResponse } from "../../../../../types"

/** Recompute the network now (the nightly job's workflow). */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminComputeReferralNetworkResponse>) => {
  const { result } = await computeReferralNetworkWorkflow(req.scope).run()
  res.json({ network: result })
}
