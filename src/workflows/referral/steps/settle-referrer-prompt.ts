import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { ConvertReferralResult } from "../../../types"
import { CONVERSION_OUTCOME_STATUSES } from "../../../types"

export const settleReferrerPromptStepId = "settle-referrer-prompt"

/**
 * A friend's referral converted: the referrer's open prompt succeeded. The
 * prompt is settled (and the bandit credited) once, however often the order
 * event arrives; the referral records which arm and variant brought it.
 */
export const settleReferrerPromptStep = createStep(
  settleReferrerPromptStepId,
  async (input: ConvertReferralResult | null, { container }) => {
    if (!input || !(CONVERSION_OUTCOME_STATUSES as readonly string[]).includes(input.outcome)) {
      return new StepResponse(null)
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const referral = await referrals.retrieveReferral(input.referral_id)
    const [prompt] = await referrals.listReferralPrompts(
      { customer_id: referral.referrer_customer_id, status: "open", expires_at: { $gt: new Date() } },
      { order: { created_at: "DESC" }, take: 1 }
    )
    if (!prompt) {
      return new StepResponse(null)
    }
    const settled = await referrals.resolvePrompt(prompt.id, "converted", referral.id)
    if (settled) {
      await referrals.updateReferrals({ id: referral.id, arm_id: prompt.arm_id, variant: prompt.variant })
    }
    return new StepResponse(settled ? prompt.id : null)
  }
)
