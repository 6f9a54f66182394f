import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"

/**
 * The currency a referrer is paid in: the one of their own last order, which
 * is the currency they shop in; `fallback` (the friend's order currency) for a
 * referrer who has not ordered yet.
 */
export async function referrerCurrency(
  container: MedusaContainer,
  referrerCustomerId: string,
  fallback: string
): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: ["id", "currency_code"],
    filters: { customer_id: referrerCustomerId, status: { $ne: "canceled" } },
    pagination: { take: 1, order: { created_at: "DESC" } },
  })
  return (data[0]?.currency_code ?? fallback).toLowerCase()
}

/** The store's default currency: the one an arm's referrer amount is in when the arm names none. */
export async function storeDefaultCurrency(container: MedusaContainer, fallback: string): Promise<string> {
  const [store] = await container
    .resolve(Modules.STORE)
    .listStores({}, { relations: ["supported_currencies"], take: 1 })
  const currency = store?.supported_currencies?.find((c) => c.is_default)?.currency_code
  return (currency ?? fallback).toLowerCase()
}
