import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERRAL_MODULE } from "../../../../../../modules/referral"
import { revokeReferralRewardWorkflow } from "../../../../../../workflows"
import type { AdminRevokeReferralRewardResponse, IReferralModuleService } from "../../../../../../types"
import type { AdminRevokeReferralRewardType } from "../../validators"

/**
 * Revoke a referrer's held or issued reward with a reason; issued credit is
 * debited, an unused reward code switched off. Answers the reward: `revoked`,
 * or `revoking` while the money could not be taken back yet (the release retries it).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<AdminRevokeReferralRewardType>,
  res: MedusaResponse<AdminRevokeReferralRewardResponse>
) => {
  await revokeReferralRewardWorkflow(req.scope).run({
    input: { reward_id: req.params.id, reason: req.validatedBody.reason },
  })
  const reward = await req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE).retrieveReferralReward(req.params.id)
  res.json({ reward })
}
