import { createWorkflow, transform, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { ShareChannel } from "../../../messages"
import { type Recipient, recipientKey } from "../../../utils/recipient-key"
import { validatePromptOwnerStep } from "../../moments/steps/validate-prompt-owner"
import { loadMessageContextStep } from "../steps/load-message-context"
import { saveShareMessageStep } from "../steps/save-share-message"
import { writeShareMessageStep } from "../steps/write-share-message"

export const writePromptMessageWorkflowId = "write-prompt-message"

export type WritePromptMessageWorkflowInput = {
  customer_id: string
  prompt_id: string
  channel: ShareChannel
  recipient?: Recipient
}

/**
 * A share message for the shopper's live prompt, for one channel and,
 * optionally, one friend (relationship, interest), stored as the cache entry
 * for that combination.
 */
export const writePromptMessageWorkflow = createWorkflow(
  writePromptMessageWorkflowId,
  (input: WritePromptMessageWorkflowInput) => {
    const prompt = validatePromptOwnerStep(input)
    const { data: codes } = useQueryGraphStep({
      entity: "referral_code",
      fields: ["code"],
      filters: transform({ prompt }, ({ prompt }) => ({ id: prompt.referral_code_id })),
    })
    const { data: moments } = useQueryGraphStep({
      entity: "viral_moment",
      fields: ["trigger", "trigger_id"],
      filters: transform({ prompt }, ({ prompt }) => ({ id: prompt.moment_id ?? [] })),
    }).config({ name: "prompt-moment" })
    const context = loadMessageContextStep(
      transform({ input, prompt, codes, moments }, ({ input, prompt, codes, moments }) => ({
        customer_id: input.customer_id,
        arm_id: prompt.arm_id,
        code: codes[0].code,
        channel: input.channel,
        order_id: moments[0]?.trigger === "order.placed" ? moments[0].trigger_id : null,
        recipient: input.recipient ?? null,
      }))
    )
    const generated = writeShareMessageStep(
      transform({ context, prompt, input }, ({ context, prompt, input }) => ({
        context,
        seed: `${prompt.id}:${input.channel}:${recipientKey(input.recipient)}`,
      }))
    )
    const saved = saveShareMessageStep(
      transform({ input, generated }, ({ input, generated }) => ({
        prompt_id: input.prompt_id,
        customer_id: input.customer_id,
        channel: input.channel,
        recipient_key: recipientKey(input.recipient),
        generated,
      }))
    )
    return new WorkflowResponse(saved)
  }
)
