import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { releaseReferralRewardsWorkflow } from "../../../../../workflows"
import type { AdminReleaseReferralRewardsResponse } from "../../../../../types"

/** Run the hourly release now: issue every held reward whose hold has passed. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReleaseReferralRewardsResponse>) => {
  const { result } = await releaseReferralRewardsWorkflow(req.scope).run({ input: {} })
  res.json({ release: result })
}
