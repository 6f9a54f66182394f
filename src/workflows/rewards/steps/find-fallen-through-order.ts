import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderFate, type OrderFate } from "../utils/order-standing"

export const findFallenThroughOrderStepId = "find-fallen-through-order"

export type FallenThroughOrder = { order_id: string; reason: OrderFate }

/**
 * The referred order, given by id or by one of its payments, if it fell
 * through (canceled, or refunded so far that the referral earned nothing,
 * see `orderFate`); null otherwise. Reads only.
 */
export const findFallenThroughOrderStep = createStep(
  findFallenThroughOrderStepId,
  async (input: { order_id?: string | null; payment_id?: string }, { container }) => {
    const orderId = input.order_id ?? (input.payment_id ? await orderOfPayment(container, input.payment_id) : null)
    if (!orderId) {
      return new StepResponse<FallenThroughOrder | null>(null)
    }
    const reason = await orderFate(container, orderId)
    return new StepResponse<FallenThroughOrder | null>(reason ? { order_id: orderId, reason } : null)
  }
)

async function orderOfPayment(container: MedusaContainer, paymentId: string): Promise<string | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [payment],
  } = await query.graph({ entity: "payment", fields: ["id", "payment_collection_id"], filters: { id: paymentId } })
  if (!payment?.payment_collection_id) {
    return null
  }
  const { data: links } = await query.graph({
    entity: "order_payment_collection",
    fields: ["order_id"],
    filters: { payment_collection_id: payment.payment_collection_id },
  })
  return links[0]?.order_id ?? null
}
