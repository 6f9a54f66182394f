import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { GeneratedMessage } from "../../../messages"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const saveShareMessageStepId = "save-share-message"

export type SaveShareMessageStepInput = {
  prompt_id: string
  customer_id: string
  channel: string
  recipient_key: string
  generated: GeneratedMessage
}

/**
 * Keeps the message as the cache entry for its prompt, channel and recipient.
 * Two requests writing the same key at once: the unique index lets one in and
 * the other answers the stored message.
 */
export const saveShareMessageStep = createStep(
  saveShareMessageStepId,
  async (input: SaveShareMessageStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const key = { prompt_id: input.prompt_id, channel: input.channel, recipient_key: input.recipient_key }
    try {
      const saved = await referrals.createReferralMessages({
        ...key,
        customer_id: input.customer_id,
        message: input.generated.message,
        subject: input.generated.subject,
        source: input.generated.source,
        fallback_reason: input.generated.fallback_reason,
        prompt_version: input.generated.prompt_version,
        latency_ms: Math.round(input.generated.latency_ms),
        attempts: input.generated.attempts,
      })
      return new StepResponse(saved, saved.id)
    } catch (error) {
      const [existing] = await referrals.listReferralMessages(key, { take: 1 })
      if (existing) {
        return new StepResponse(existing, null)
      }
      throw error
    }
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferralMessages(createdId)
    }
  }
)
