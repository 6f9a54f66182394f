import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { SettledReferrerPrompt } from "./settle-referrer-prompt"

export const setReferralOfferStepId = "set-referral-offer"

/**
 * Records on a converted referral which arm and variant brought it (those of the
 * referrer's prompt it settled). Compensation puts the previous values back.
 */
export const setReferralOfferStep = createStep(
  setReferralOfferStepId,
  async (input: SettledReferrerPrompt | null, { container }) => {
    if (!input) {
      return new StepResponse(null, null)
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const before = await referrals.retrieveReferral(input.referral_id, { select: ["id", "arm_id", "variant"] })
    await referrals.updateReferrals({ id: input.referral_id, arm_id: input.arm_id, variant: input.variant })
    return new StepResponse(null, { id: before.id, arm_id: before.arm_id ?? null, variant: before.variant ?? null })
  },
  async (before, { container }) => {
    if (before) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).updateReferrals(before)
    }
  }
)
