import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { generateShareMessage, type MessageContext, resolveLlmOptions } from "../../../messages"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const writeShareMessageStepId = "write-share-message"

/**
 * Writes the message with the store's LLM when one is configured and the
 * program allows it, else (or when it fails, times out or breaks a guardrail)
 * with a template. Never fails; the result says which source wrote it and why.
 */
export const writeShareMessageStep = createStep(
  writeShareMessageStepId,
  async (input: { context: MessageContext; seed: string; force_template?: boolean }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const settings = await referrals.retrieveProgramSettings()
    const configured = resolveLlmOptions(referrals.getOptions().llm)
    const options = settings.llm_enabled && !input.force_template ? configured : { ...configured, enabled: false }
    const generated = await generateShareMessage(input.context, options, input.seed)
    // A message experiment's template arm is a choice, not a failure: say so.
    return new StepResponse(
      input.force_template ? { ...generated, fallback_reason: "experiment:template" } : generated
    )
  }
)
