import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export const resolveMomentOrderStepId = "resolve-moment-order"

/** The order (and its customer) behind an order or fulfillment event; null for orders without a customer. */
export const resolveMomentOrderStep = createStep(
  resolveMomentOrderStepId,
  async (input: { order_id?: string; fulfillment_id?: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    let orderId = input.order_id
    if (!orderId && input.fulfillment_id) {
      const { data } = await query.graph({
        entity: "order_fulfillment",
        fields: ["order_id"],
        filters: { fulfillment_id: input.fulfillment_id },
      })
      orderId = data[0]?.order_id
    }
    if (!orderId) {
      return new StepResponse(null)
    }
    const {
      data: [order],
    } = await query.graph({ entity: "order", fields: ["id", "customer_id"], filters: { id: orderId } })
    return new StepResponse(order?.customer_id ? { order_id: order.id as string, customer_id: order.customer_id as string } : null)
  }
)
