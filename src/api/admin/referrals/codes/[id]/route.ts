import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { setReferralCodeStatusWorkflow } from "../../../../../workflows"
import type { AdminUpdateReferralCodeType } from "../validators"
import type { AdminReferralCodeResponse } from "../../../../../types"

/** Enable or disable a customer's referral code. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReferralCodeType>, res: MedusaResponse<AdminReferralCodeResponse>) => {
  const { result: referral_code } = await setReferralCodeStatusWorkflow(req.scope).run({
    input: { id: req.params.id, status: req.validatedBody.status },
  })
  res.json({ referral_code })
}
