import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { recordReferralTouchStep } from "../../attribution/steps/record-referral-touch"
import { validatePromptOwnerStep } from "../steps/validate-prompt-owner"

export const recordPromptTouchWorkflowId = "record-prompt-touch"

export type RecordPromptTouchWorkflowInput = {
  customer_id: string
  prompt_id: string
  type: "prompt_shown" | "share"
  channel?: string | null
}

/** The storefront showed the customer their prompt, or the customer shared it on a channel. */
export const recordPromptTouchWorkflow = createWorkflow(
  recordPromptTouchWorkflowId,
  (input: RecordPromptTouchWorkflowInput) => {
    const prompt = validatePromptOwnerStep(input)
    const touch = recordReferralTouchStep(
      transform({ input, prompt }, ({ input, prompt }) => ({
        type: input.type,
        referral_code_id: prompt.referral_code_id,
        customer_id: input.customer_id,
        channel: input.channel ?? null,
        metadata: { prompt_id: prompt.id, arm_id: prompt.arm_id },
      }))
    )
    return new WorkflowResponse(touch)
  }
)
