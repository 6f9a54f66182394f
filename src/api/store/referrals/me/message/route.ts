import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { resolveLlmOptions } from "../../../../../messages"
import { REFERRAL_MODULE } from "../../../../../modules/referral"
import type ReferralModuleService from "../../../../../modules/referral/service"
import { recipientKey } from "../../../../../utils/recipient-key"
import { writePromptMessageWorkflow } from "../../../../../workflows"
import type { StoreWriteShareMessageType } from "../validators"
import type { HttpErrorResponse, StoreShareMessageResponse } from "../../../../../types"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A share message for the shopper's live prompt, for a channel and optionally
 * a described friend. Cached per prompt, channel and recipient; new messages
 * are limited per customer per day (429 past the limit).
 */
export const POST = async (req: AuthenticatedMedusaRequest<StoreWriteShareMessageType>, res: MedusaResponse<StoreShareMessageResponse | HttpErrorResponse>) => {
  const customerId = req.auth_context.actor_id
  const { channel, recipient } = req.validatedBody
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)

  const {
    data: [prompt],
  } = await query.graph({
    entity: "referral_prompt",
    fields: ["id"],
    filters: { customer_id: customerId, status: "open", expires_at: { $gt: new Date() } },
    pagination: { order: { created_at: "DESC" }, take: 1 },
  })
  if (!prompt) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "You have no live referral offer to write a message for")
  }

  const {
    data: [cached],
  } = await query.graph({
    entity: "referral_message",
    fields: ["message", "subject", "source", "fallback_reason", "channel"],
    filters: { prompt_id: prompt.id, channel, recipient_key: recipientKey(recipient) },
  })
  if (cached) {
    return res.json({ message: { ...cached, prompt_id: prompt.id, cached: true } })
  }

  const limit = resolveLlmOptions(req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE).getOptions().llm)
    .maxPerCustomerPerDay
  const { data: today } = await query.graph({
    entity: "referral_message",
    fields: ["id"],
    filters: { customer_id: customerId, created_at: { $gte: new Date(Date.now() - DAY_MS) } },
    pagination: { take: limit },
  })
  if (today.length >= limit) {
    // Medusa has no error type for 429, so the route answers in its error format itself.
    res.setHeader("Retry-After", String(60 * 60))
    return res.status(429).json({
      type: "not_allowed",
      message: `You can write ${limit} new messages a day; try again tomorrow or reuse one you wrote`,
    })
  }

  const { result } = await writePromptMessageWorkflow(req.scope).run({
    input: { customer_id: customerId, prompt_id: prompt.id, channel, recipient },
  })
  res.status(201).json({
    message: {
      message: result.message,
      subject: result.subject,
      source: result.source,
      fallback_reason: result.fallback_reason,
      channel: result.channel,
      prompt_id: prompt.id,
      cached: false,
    },
  })
}
