import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type { AdminReferralProgramResponse, IReferralModuleService } from "../../../../types"
import { updateReferralProgramWorkflow } from "../../../../workflows"
import type { AdminUpdateReferralProgramType } from "./validators"

/** The settings in force (defaults until first saved). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralProgramResponse>) => {
  const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  res.json({ program: await referrals.retrieveProgramSettings() })
}

/** Change some settings; the result is saved as a new version. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReferralProgramType>, res: MedusaResponse<AdminReferralProgramResponse>) => {
  await updateReferralProgramWorkflow(req.scope).run({ input: req.validatedBody })
  const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
  res.json({ program: await referrals.retrieveProgramSettings() })
}
