import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stopReferralExperimentWorkflow } from "../../../../../../workflows"
import type { AdminReferralExperimentResponse } from "../../../../../../types"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralExperimentResponse>) => {
  const { result: experiment } = await stopReferralExperimentWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ experiment })
}
