import type { MedusaContainer, OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { getLastPaymentStatus } from "@medusajs/medusa/core-flows"

export type OrderFate = "order_canceled" | "order_refunded"

/**
 * Whether a referred order fell through: canceled, or refunded in full. The
 * payment status is not stored on orders; Medusa derives it from the payment
 * collections, and so does this, with Medusa's own function.
 */
export async function orderFate(container: MedusaContainer, orderId: string): Promise<OrderFate | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "currency_code",
      "payment_collections.amount",
      "payment_collections.captured_amount",
      "payment_collections.refunded_amount",
      "payment_collections.status",
    ],
    filters: { id: orderId },
  })
  if (!order || order.status === "canceled") {
    return "order_canceled"
  }
  const paymentStatus = getLastPaymentStatus(order as unknown as OrderDetailDTO)
  return paymentStatus === "refunded" ? "order_refunded" : null
}
