import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { writeOrReuseShareMessageWorkflow } from "../../../../../workflows"
import type { HttpErrorResponse, StoreShareMessageResponse } from "../../../../../types"
import type { StoreWriteShareMessageType } from "../validators"

/**
 * A share message for the shopper's live prompt, for a channel and optionally
 * a described friend. Cached per prompt, channel and recipient; new messages
 * are limited per customer per day (429 past the limit).
 */
export const POST = async (
  req: AuthenticatedMedusaRequest<StoreWriteShareMessageType>,
  res: MedusaResponse<StoreShareMessageResponse | HttpErrorResponse>
) => {
  const { channel, recipient } = req.validatedBody
  const { result } = await writeOrReuseShareMessageWorkflow(req.scope).run({
    input: { customer_id: req.auth_context.actor_id, channel, recipient },
  })
  if (result.outcome === "limited") {
    // Medusa has no error type for 429, so the route answers in its error format itself.
    res.setHeader("Retry-After", String(60 * 60))
    return res.status(429).json({
      type: "not_allowed",
      message: `You can write ${result.limit} new messages a day; try again tomorrow or reuse one you wrote`,
    })
  }
  res.status(result.outcome === "cached" ? 200 : 201).json({ message: result.message })
}
