import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { RedemptionFacts } from "../../../rules/referral-rules"

const REFERRER_ORDER_ADDRESSES = 50

/**
 * The referrer's emails, phones and addresses (account, saved addresses and
 * their latest orders), which a friend's must not match. Shared by the
 * checkout check and the check again at conversion.
 */
export async function loadReferrerIdentity(
  container: MedusaContainer,
  customerId: string
): Promise<Omit<RedemptionFacts["referrer"], "conversions_in_window">> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const [referrer, referrerOrders] = await Promise.all([
    query.graph({
      entity: "customer",
      fields: ["id", "email", "phone", "addresses.*"],
      filters: { id: customerId },
    }),
    query.graph({
      entity: "order",
      fields: ["id", "email", "shipping_address.*"],
      filters: { customer_id: customerId },
      pagination: { take: REFERRER_ORDER_ADDRESSES, order: { created_at: "DESC" } },
    }),
  ])
  const customer = referrer.data[0]
  const addresses = [...(customer?.addresses ?? []), ...referrerOrders.data.map((order) => order.shipping_address)]
  return {
    emails: [customer?.email, ...referrerOrders.data.map((order) => order.email)],
    phones: [customer?.phone, ...addresses.map((address) => address?.phone)],
    addresses,
  }
}
