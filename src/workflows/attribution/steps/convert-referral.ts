import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type ReferralModuleService from "../../../modules/referral/service"
import type { ConvertReferralInput } from "../../../modules/referral/service"

export const convertReferralStepId = "convert-referral"

/** Converts the referral for its order once (see `ReferralModuleService.convertReferral`). */
export const convertReferralStep = createStep(
  convertReferralStepId,
  async (input: ConvertReferralInput, { container }) => {
    const referrals = container.resolve<ReferralModuleService>(REFERRAL_MODULE)
    const result = await referrals.convertReferral(input)
    return new StepResponse(result, result.outcome === "unchanged" ? null : result.referral_id)
  },
  async (referralId, { container }) => {
    if (referralId) {
      await container.resolve<ReferralModuleService>(REFERRAL_MODULE).undoConversion(referralId)
    }
  }
)
