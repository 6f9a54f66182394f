import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewReferralWorkflow } from "../../../../../workflows"
import type { AdminReviewReferralType } from "../../validators"
import type { AdminReviewReferralResponse } from "../../../../../types"

/** Approve a referral waiting for review: it converts and the referrer's reward is held. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviewReferralType>, res: MedusaResponse<AdminReviewReferralResponse>) => {
  const { result: referral } = await reviewReferralWorkflow(req.scope).run({
    input: { id: req.params.id, decision: "approve", reason: req.validatedBody.reason },
  })
  res.json({ referral })
}
