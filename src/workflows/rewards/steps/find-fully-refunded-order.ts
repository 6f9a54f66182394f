import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { orderFate } from "../utils/order-standing"

export const findFullyRefundedOrderStepId = "find-fully-refunded-order"

/** The order a refunded payment belongs to, if that order is now refunded in full; null otherwise. */
export const findFullyRefundedOrderStep = createStep(
  findFullyRefundedOrderStepId,
  async (input: { payment_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [payment],
    } = await query.graph({
      entity: "payment",
      fields: ["id", "payment_collection_id"],
      filters: { id: input.payment_id },
    })
    if (!payment?.payment_collection_id) {
      return new StepResponse(null)
    }
    const { data: links } = await query.graph({
      entity: "order_payment_collection",
      fields: ["order_id"],
      filters: { payment_collection_id: payment.payment_collection_id },
    })
    const orderId: string | undefined = links[0]?.order_id
    if (!orderId) {
      return new StepResponse(null)
    }
    return new StepResponse((await orderFate(container, orderId)) === "order_refunded" ? orderId : null)
  }
)
