import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const expireReferralPromptsStepId = "expire-referral-prompts"

/** Prompts past their time without a converted referral count as the bandit's failures, once each. */
export const expireReferralPromptsStep = createStep(
  expireReferralPromptsStepId,
  async (input: { now?: Date }, { container }) => {
    const expired = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).expireDuePrompts(input.now ?? new Date())
    return new StepResponse({ expired })
  }
)
