import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const validatePromptOwnerStepId = "validate-prompt-owner"

/** The prompt, if it is this customer's; another customer's prompt is as unknown as a missing one (404). */
export const validatePromptOwnerStep = createStep(
  validatePromptOwnerStepId,
  async (input: { prompt_id: string; customer_id: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [prompt] = await referrals.listReferralPrompts(
      { id: input.prompt_id, customer_id: input.customer_id },
      { take: 1 }
    )
    if (!prompt) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral prompt ${input.prompt_id} was not found`)
    }
    return new StepResponse(prompt)
  }
)
