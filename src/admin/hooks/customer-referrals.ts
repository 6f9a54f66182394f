import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type OfferSide = { type: "percentage" | "fixed" | "store_credit"; value: number; currency_code: string | null }

/** An offer put to the customer at a viral moment; `open` with a future `expires_at` is the live one. */
export type CustomerPrompt = {
  id: string
  arm_id: string
  arm: { id: string; name: string; offer: { referee: OfferSide; referrer: OfferSide } | null } | null
  context_key: string
  propensity: number | null
  probability: number | null
  status: "open" | "converted" | "expired"
  message: string
  message_source: "llm" | "template"
  message_fallback_reason: string | null
  expires_at: string
  created_at: string
}

/** The customer's place in the referral network as last computed; null before the first computation. */
export type CustomerNetworkRow = {
  out_degree: number
  descendants: number
  generations: number
  depth: number
  pagerank: number
  super_connector: boolean
  computed_at: string
}

export type CustomerReferrals = {
  referral_code: { code: string; status: string; uses: number; share_url: string } | null
  referrals: {
    id: string
    status: string
    reason: string | null
    referee_email: string | null
    order_id: string | null
    created_at: string
    flags?: { rule: string; message: string }[] | null
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
  prompts: CustomerPrompt[]
  network: CustomerNetworkRow | null
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

/** One evaluation of whether to ask the customer to refer, and why they were or were not asked. */
export type ViralMoment = {
  id: string
  customer_id: string
  trigger: string
  trigger_id: string
  signals: { fired: string[]; facts: Record<string, unknown> }
  score: number
  propensity: number | null
  propensity_band: string | null
  decision: "prompted" | "suppressed"
  reason: string | null
  prompt_id: string | null
  variant: string | null
  created_at: string
}

export function useCustomerMoments(customerId: string, limit = 10) {
  return useQuery({
    queryKey: ["smart-referrals", "moments", { customer_id: customerId, limit }],
    queryFn: () =>
      sdk.client.fetch<{ moments: ViralMoment[]; count: number }>(`/admin/referrals/moments`, {
        query: { customer_id: customerId, limit },
      }),
  })
}
