import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const findLivePromptStepId = "find-live-referral-prompt"

/** The customer's newest open, unexpired prompt; without one there is nothing to write a message for (404). */
export const findLivePromptStep = createStep(
  findLivePromptStepId,
  async (input: { customer_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [prompt],
    } = await query.graph({
      entity: "referral_prompt",
      fields: ["id"],
      filters: { customer_id: input.customer_id, status: "open", expires_at: { $gt: new Date() } },
      pagination: { order: { created_at: "DESC" }, take: 1 },
    })
    if (!prompt) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, "You have no live referral offer to write a message for")
    }
    return new StepResponse({ id: prompt.id as string })
  }
)
