import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { DAY_MS } from "../../../types"

export const createReferralPromptStepId = "create-referral-prompt"

export type CreateReferralPromptStepInput = {
  customer_id: string
  moment_id: string
  referral_code: { id: string; code: string; promotion_id: string | null; arm_id: string | null }
  arm_id: string
  context: Record<string, unknown>
  context_key: string
  sampled: Record<string, unknown>
  probability: number
  propensity: number | null
  attribution_window_days: number
  message: { message: string; source: "llm" | "template"; fallback_reason: string | null }
  /** The experiment variants the customer is in, e.g. "policy:bandit,message:llm". */
  variant: string | null
  /** A self-reported signal helped make the moment: the prompt is not counted against the store's daily cap. */
  self_reported: boolean
}

/**
 * Saves the offer put to the customer: the prompt with the message written for
 * it and the bandit's decision log (context, arm, sampled values, probability).
 * The code's promotion and the bandit's pull are separate steps. Compensation
 * removes the prompt.
 */
export const createReferralPromptStep = createStep(
  createReferralPromptStepId,
  async (input: CreateReferralPromptStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const prompt = await referrals.createReferralPrompts({
      customer_id: input.customer_id,
      referral_code_id: input.referral_code.id,
      moment_id: input.moment_id,
      arm_id: input.arm_id,
      context: input.context,
      context_key: input.context_key,
      propensity: input.propensity,
      message: input.message.message,
      message_source: input.message.source,
      message_fallback_reason: input.message.fallback_reason,
      variant: input.variant,
      expires_at: new Date(Date.now() + input.attribution_window_days * DAY_MS),
      sampled: input.sampled,
      probability: input.probability,
      self_reported: input.self_reported,
    })
    return new StepResponse(prompt, prompt.id)
  },
  async (promptId, { container }) => {
    if (promptId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferralPrompts(promptId)
    }
  }
)
