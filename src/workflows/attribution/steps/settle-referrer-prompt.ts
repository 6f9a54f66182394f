import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { ConvertReferralResult } from "../../../types"
import { CONVERSION_OUTCOME_STATUSES } from "../../../types"

export const settleReferrerPromptStepId = "settle-referrer-prompt"

export type SettledReferrerPrompt = { prompt_id: string; referral_id: string; arm_id: string; variant: string | null }

/**
 * A friend's referral converted: the referrer's open prompt is converted, once,
 * however often the order event arrives. The bandit is not credited yet: the
 * conversion may still be held, returned or clawed back, so the prompt counts
 * when its value is final (`settlePromptBanditValuesStep`). Answers the
 * converted prompt, so the referral can record which arm and variant brought
 * it. Compensation opens the prompt again.
 */
export const settleReferrerPromptStep = createStep(
  settleReferrerPromptStepId,
  async (input: ConvertReferralResult | null, { container }) => {
    if (!input || !["converted", "review"].includes(input.outcome)) {
      return new StepResponse(null, null)
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const referral = await referrals.retrieveReferral(input.referral_id)
    const [prompt] = await referrals.listReferralPrompts(
      { customer_id: referral.referrer_customer_id, status: "open", expires_at: { $gt: new Date() } },
      { order: { created_at: "DESC" }, take: 1 }
    )
    if (!prompt) {
      return new StepResponse(null, null)
    }
    const settled = await referrals.resolvePrompt(prompt.id, "converted", referral.id)
    if (!settled) {
      return new StepResponse(null, null)
    }
    const result: SettledReferrerPrompt = {
      prompt_id: prompt.id,
      referral_id: referral.id,
      arm_id: prompt.arm_id,
      variant: prompt.variant ?? null,
    }
    return new StepResponse(result, prompt.id)
  },
  async (promptId, { container }) => {
    if (promptId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).reopenPrompt(promptId, "converted")
    }
  }
)
