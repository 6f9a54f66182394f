import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type CustomerReferrals = {
  referral_code: { code: string; status: string; uses: number; share_url: string } | null
  referrals: {
    id: string
    status: string
    reason: string | null
    referee_email: string | null
    order_id: string | null
    created_at: string
  }[]
  rewards: {
    id: string
    role: string
    kind: string
    amount: number
    currency_code: string
    status: string
    release_at: string | null
  }[]
}

export function useCustomerReferrals(customerId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "customer", customerId],
    queryFn: () => sdk.client.fetch<CustomerReferrals>(`/admin/referrals/customers/${customerId}`),
  })
}

export type CustomerPropensity = {
  score: number
  band: "high" | "medium" | "low"
  model_version: number
  model_kind: "gradient_boosting" | "heuristic"
  top_features: { feature: string; value: number; contribution: number }[]
}

export function useCustomerPropensity(customerId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "propensity", customerId],
    queryFn: () =>
      sdk.client.fetch<{ propensity: CustomerPropensity }>(`/admin/referrals/customers/${customerId}/propensity`),
  })
}
