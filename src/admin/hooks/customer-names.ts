import type { AdminCustomer } from "@medusajs/framework/types"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type CustomerName = Pick<AdminCustomer, "id" | "email" | "first_name" | "last_name">

/**
 * Email and name of the given customers, by id, through Medusa's own admin
 * customers API: referral data stores customer ids only.
 */
export function useCustomerNames(ids: string[]) {
  const unique = [...new Set(ids)].sort()
  return useQuery({
    queryKey: ["smart-referrals", "customer-names", unique],
    queryFn: async () => {
      const { customers } = await sdk.admin.customer.list({
        id: unique,
        limit: unique.length,
        fields: "id,email,first_name,last_name",
      })
      return new Map(customers.map((c) => [c.id, c as CustomerName]))
    },
    enabled: unique.length > 0,
    staleTime: 60_000,
  })
}

/** "Anna Smith <anna@…>", or the id while names load or for a deleted customer. */
export function customerLabel(names: Map<string, CustomerName> | undefined, id: string) {
  const customer = names?.get(id)
  if (!customer) {
    return id
  }
  const name = [customer.first_name, customer.last_name].filter(Boolean).join(" ")
  return name ? `${name} · ${customer.email}` : customer.email
}
