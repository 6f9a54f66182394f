import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { ConvertReferralInput } from "../../../types"

export const convertReferralStepId = "convert-referral"

/** Converts the referral for its order once (see `IReferralModuleService.convertReferral`). */
export const convertReferralStep = createStep(
  convertReferralStepId,
  async (input: ConvertReferralInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const result = await referrals.convertReferral(input)
    return new StepResponse(result, result.outcome === "unchanged" ? null : result.referral_id)
  },
  async (referralId, { container }) => {
    if (referralId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).undoConversion(referralId)
    }
  }
)
