import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import type ReferralModuleService from "../../../../modules/referral/service"
import { updateReferralProgramWorkflow } from "../../../../workflows"
import type { AdminUpdateReferralProgramType } from "./validators"
import type { AdminReferralProgramResponse } from "../../../../types"

/** The settings in force (defaults until first saved). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralProgramResponse>) => {
  const referrals = req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE)
  res.json({ program: await referrals.getProgramSettings() })
}

/** Change some settings; the result is saved as a new version. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminUpdateReferralProgramType>, res: MedusaResponse<AdminReferralProgramResponse>) => {
  const referrals = req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE)
  const merged = { ...(await referrals.getProgramSettings()), ...req.validatedBody }
  if (merged.propensity_low_threshold >= merged.propensity_high_threshold) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      "propensity_low_threshold must be below propensity_high_threshold"
    )
  }
  await updateReferralProgramWorkflow(req.scope).run({ input: req.validatedBody })
  res.json({ program: await referrals.getProgramSettings() })
}
