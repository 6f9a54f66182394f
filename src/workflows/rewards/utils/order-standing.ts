import type { MedusaContainer, OrderDetailDTO } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import { getLastFulfillmentStatus, getLastPaymentStatus } from "@medusajs/medusa/core-flows"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService, RewardHoldStart } from "../../../types"
import { refundRevokesReward } from "../../../rules/refund-revokes-reward"

export type OrderFate = "order_canceled" | "order_refunded"

/** The order facts the hold and the refund rule read; payment and fulfilment statuses are derived by Medusa's own functions. */
const ORDER_FIELDS = [
  "id",
  "status",
  "created_at",
  "original_item_total",
  "items.id",
  "items.quantity",
  "items.detail.fulfilled_quantity",
  "fulfillments.created_at",
  "fulfillments.packed_at",
  "fulfillments.shipped_at",
  "fulfillments.delivered_at",
  "fulfillments.canceled_at",
  "payment_collections.amount",
  "payment_collections.captured_amount",
  "payment_collections.refunded_amount",
  "payment_collections.status",
  "payment_collections.payments.captured_at",
]

type When = string | Date | null | undefined
type Fulfillment = { created_at?: When; packed_at?: When; shipped_at?: When; delivered_at?: When; canceled_at?: When }

/** The fields above, as query.graph answers them. */
type OrderFacts = {
  id: string
  status: string
  created_at: When
  original_item_total?: number | null
  items?: ({ quantity: number; detail?: { fulfilled_quantity?: number | null } | null } | null)[] | null
  fulfillments?: (Fulfillment | null)[] | null
  payment_collections?: ({ refunded_amount?: number | null; payments?: ({ captured_at?: When } | null)[] | null } | null)[] | null
}

async function readOrder(container: MedusaContainer, orderId: string): Promise<OrderFacts | null> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ORDER_FIELDS, filters: { id: orderId } })
  return (order as unknown as OrderFacts | undefined) ?? null
}

/**
 * Whether a referred order fell through: canceled, or refunded so far that the
 * referral earned nothing (`refundRevokesReward`: by value, net of the
 * friend's discount, not by the payment status).
 */
export async function orderFate(container: MedusaContainer, orderId: string): Promise<OrderFate | null> {
  const order = await readOrder(container, orderId)
  if (!order || order.status === "canceled") {
    return "order_canceled"
  }
  const refunded = (order.payment_collections ?? []).reduce(
    (sum, collection) => MathBN.add(sum, collection?.refunded_amount ?? 0),
    MathBN.convert(0)
  )
  if (MathBN.lte(refunded, 0)) {
    return null
  }
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const [referral] = await referrals.listReferrals({ order_id: orderId }, { relations: ["rewards"], take: 1 })
  const discount = referral?.rewards?.find((reward) => reward.role === "referee")?.amount ?? 0
  const { reward_min_net_share } = await referrals.retrieveProgramSettings()
  const verdict = refundRevokesReward({
    items_total: order.original_item_total ?? 0,
    referral_discount: discount,
    refunded,
    min_net_share: reward_min_net_share,
  })
  return verdict === "revoke" ? "order_refunded" : null
}

const latest = (dates: When[]): Date | null => {
  const times = dates.filter((date): date is string | Date => !!date).map((date) => new Date(date).getTime())
  return times.length ? new Date(Math.max(...times)) : null
}

/**
 * When a referred order's reward hold started, or null while it has not: the
 * payment must be captured, and, as `starts` asks, the order placed, every
 * item fulfilled, or every item delivered. The latest of those moments counts.
 */
export async function holdStartedAt(
  container: MedusaContainer,
  orderId: string,
  starts: RewardHoldStart
): Promise<Date | null> {
  const order = await readOrder(container, orderId)
  if (!order) {
    return null
  }
  const paymentStatus = getLastPaymentStatus(order as unknown as OrderDetailDTO)
  if (paymentStatus !== "captured" && paymentStatus !== "partially_refunded") {
    return null
  }
  const paidAt = latest(
    (order.payment_collections ?? []).flatMap((collection) => (collection?.payments ?? []).map((payment) => payment?.captured_at))
  )
  const reached = starts === "order_placed" ? latest([order.created_at]) : fulfilmentReachedAt(order, starts)
  return paidAt && reached ? latest([paidAt, reached]) : null
}

function fulfilmentReachedAt(order: OrderFacts, starts: "fulfilled" | "delivered"): Date | null {
  const fulfillments = (order.fulfillments ?? []).filter((f): f is Fulfillment => !!f && !f.canceled_at)
  // Medusa's status function reads the raw quantities.
  const status = getLastFulfillmentStatus({
    fulfillments,
    items: (order.items ?? []).flatMap((item) =>
      item ? [{ raw_quantity: item.quantity, detail: { raw_fulfilled_quantity: item.detail?.fulfilled_quantity ?? 0 } }] : []
    ),
  } as unknown as OrderDetailDTO)
  if (starts === "delivered") {
    return status === "delivered" ? latest(fulfillments.map((f) => f.delivered_at)) : null
  }
  return ["fulfilled", "shipped", "delivered"].includes(status)
    ? latest(fulfillments.map((f) => f.packed_at ?? f.created_at))
    : null
}
