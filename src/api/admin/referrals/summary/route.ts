import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type { IReferralModuleService } from "../../../../types"
import type { AdminReferralSummaryResponse } from "../../../../types"

/** The loop at a glance: codes, clicks, codes applied, conversions, refusals, rewards. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralSummaryResponse>) => {
  const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  res.json({ summary: await referrals.retrieveLoopSummary() })
}
