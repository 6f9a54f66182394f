import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { ShareChannel } from "../../../messages"
import type { StoreShareMessage } from "../../../types"
import { type Recipient, recipientKey } from "../../../utils/recipient-key"
import { checkDailyMessageLimitStep } from "../steps/check-daily-message-limit"
import { findLivePromptStep } from "../steps/find-live-prompt"
import { writePromptMessageWorkflow } from "./write-prompt-message"

export const writeOrReuseShareMessageWorkflowId = "write-or-reuse-share-message"

export type WriteOrReuseShareMessageWorkflowInput = {
  customer_id: string
  channel: ShareChannel
  recipient?: Recipient
}

/** The message as the store route answers it. */
export type ShareMessageResult = StoreShareMessage

export type WriteOrReuseShareMessageResult =
  | { outcome: "cached" | "written"; message: ShareMessageResult }
  | { outcome: "limited"; limit: number }

/**
 * A share message for the shopper's live prompt (404 without one), for a
 * channel and optionally a described friend: the cached one for that prompt,
 * channel and recipient, else a new one unless the customer reached the daily
 * limit of new messages (`limited`, which the route answers with a 429).
 * A lock per customer serialises the check and the write, so requests sent at
 * once cannot all pass the limit.
 */
export const writeOrReuseShareMessageWorkflow = createWorkflow(
  writeOrReuseShareMessageWorkflowId,
  (input: WriteOrReuseShareMessageWorkflowInput) => {
    const prompt = findLivePromptStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
    const lockKey = transform({ input }, ({ input }) => `referral-share-message:${input.customer_id}`)
    // A new message may take the LLM's whole deadline (8 s by default) while held.
    acquireLockStep({ key: lockKey, timeout: 30, ttl: 60 }).config({ name: "acquire-share-message-lock" })
    const { data: cached } = useQueryGraphStep({
      entity: "referral_message",
      fields: ["message", "subject", "source", "fallback_reason", "channel"],
      filters: transform({ input, prompt }, ({ input, prompt }) => ({
        prompt_id: prompt.id,
        channel: input.channel,
        recipient_key: recipientKey(input.recipient),
      })),
    }).config({ name: "cached-share-message" })

    const limit = when("share-message-not-cached", { cached }, ({ cached }) => !cached.length).then(() =>
      checkDailyMessageLimitStep(transform({ input }, ({ input }) => ({ customer_id: input.customer_id })))
    )

    const written = when(
      "share-message-to-write",
      { cached, limit },
      ({ cached, limit }) => !cached.length && !!limit && !limit.reached
    ).then(() =>
      writePromptMessageWorkflow.runAsStep({
        input: transform({ input, prompt }, ({ input, prompt }) => ({
          customer_id: input.customer_id,
          prompt_id: prompt.id,
          channel: input.channel,
          recipient: input.recipient,
        })),
      })
    )

    releaseLockStep({ key: lockKey }).config({ name: "release-share-message-lock" })

    const result = transform(
      { prompt, cached, limit, written },
      ({ prompt, cached, limit, written }): WriteOrReuseShareMessageResult => {
        if (cached.length) {
          return { outcome: "cached", message: { ...cached[0], prompt_id: prompt.id, cached: true } }
        }
        if (!written) {
          return { outcome: "limited", limit: limit!.limit }
        }
        return {
          outcome: "written",
          message: {
            message: written.message,
            subject: written.subject,
            source: written.source,
            fallback_reason: written.fallback_reason,
            channel: written.channel,
            prompt_id: prompt.id,
            cached: false,
          },
        }
      }
    )
    return new WorkflowResponse(result)
  }
)
