import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { summarizeMomentTimingWorkflow } from "../../../../../workflows"
import type { AdminMomentTimingResponse } from "../../../../../types"

/** What learned timing has learned: per context, the value of asking at each kind of moment, and how often later moments come. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminMomentTimingResponse>) => {
  const { result } = await summarizeMomentTimingWorkflow(req.scope).run()
  res.json(result)
}
