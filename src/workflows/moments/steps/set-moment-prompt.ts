import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const setMomentPromptStepId = "set-moment-prompt"

export type SetMomentPromptStepInput = {
  moment_id: string
  prompt_id: string
  /** The prompt the moment pointed to before (null for a moment recorded in the same run). */
  previous_prompt_id: string | null
}

/**
 * Points a prompted moment at the prompt it led to, so the admin can follow a
 * decision to the offer it made. Compensation puts the previous value back.
 */
export const setMomentPromptStep = createStep(
  setMomentPromptStepId,
  async (input: SetMomentPromptStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const moment = await referrals.updateViralMoments({ id: input.moment_id, prompt_id: input.prompt_id })
    return new StepResponse(moment, { id: input.moment_id, previous_prompt_id: input.previous_prompt_id })
  },
  async (undo, { container }) => {
    if (undo) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .updateViralMoments({ id: undo.id, prompt_id: undo.previous_prompt_id })
    }
  }
)
