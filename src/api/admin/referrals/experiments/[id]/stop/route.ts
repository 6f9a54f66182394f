import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { stopReferralExperimentWorkflow } from "../../../../../../workflows"

export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const { result: experiment } = await stopReferralExperimentWorkflow(req.scope).run({ input: { id: req.params.id } })
  res.json({ experiment })
}
