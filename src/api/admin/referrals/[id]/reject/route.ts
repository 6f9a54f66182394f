import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { reviewReferralWorkflow } from "../../../../../workflows"
import type { AdminReviewReferralType } from "../../validators"
import type { AdminReviewReferralResponse } from "../../../../../types"

/** Reject a referral waiting for review, with an optional reason kept on the referral. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminReviewReferralType>, res: MedusaResponse<AdminReviewReferralResponse>) => {
  const { result: referral } = await reviewReferralWorkflow(req.scope).run({
    input: { id: req.params.id, decision: "reject", reason: req.validatedBody.reason },
  })
  res.json({ referral })
}
