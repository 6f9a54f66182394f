import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateShareMessage, type MessageContext, resolveLlmOptions } from "../../../messages"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type ReferralModuleService from "../../../modules/referral/service"

export const writeShareMessageStepId = "write-share-message"

/**
 * Writes the message with the store's LLM when one is configured and the
 * program allows it, else (or when it fails, times out or breaks a guardrail)
 * with a template. Never fails; the result says which source wrote it and why.
 */
export const writeShareMessageStep = createStep(
  writeShareMessageStepId,
  async (input: { context: MessageContext; seed: string }, { container }) => {
    const referrals = container.resolve<ReferralModuleService>(REFERRAL_MODULE)
    const settings = await referrals.getProgramSettings()
    const configured = resolveLlmOptions(referrals.getOptions().llm)
    const options = settings.llm_enabled ? configured : { ...configured, enabled: false }
    return new StepResponse(await generateShareMessage(input.context, options, input.seed))
  }
)
