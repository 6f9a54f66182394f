import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** GET /admin/referrals/metrics, as computed by the compute-loop-metrics workflow. */
export type LoopFunnel = {
  prompts_created: number
  prompts_shown: number
  shares: number
  clicks: number | null
  codes_applied: number | null
  conversions: number
  activated: number
}

export type LoopRates = {
  referral_rate_prompted: number | null
  referral_rate_active: number | null
  acceptance: number | null
  activation_rate: number | null
  k: number | null
  cycle_time_days: number | null
}

export type LoopEconomics = {
  currency_code: string
  incentive_cost: number
  referred_first_order_revenue: number
  referred_customer_revenue: number
  acquired: number
  cost_per_acquired: number | null
  roi: number | null
}

export type LoopMetricsGroup = {
  key: string | null
  funnel: LoopFunnel
  rates: LoopRates
  economics: LoopEconomics[]
}

export type LoopMetrics = {
  from: string
  to: string
  group_by: "week" | "variant" | "arm" | "segment" | null
  currency_code: string | null
  activation_days: number
  groups: LoopMetricsGroup[]
}

export type LoopMetricsQuery = {
  /** ISO date-times; the window is [from, to). Both absent: the API's default, the last 30 days. */
  from?: string
  to?: string
  currency_code?: string
  group_by?: "week" | "variant" | "arm" | "segment"
}

export function useLoopMetrics(query: LoopMetricsQuery) {
  return useQuery({
    queryKey: ["smart-referrals", "metrics", query],
    queryFn: () =>
      sdk.client.fetch<{ metrics: LoopMetrics }>(`/admin/referrals/metrics`, {
        query: Object.fromEntries(Object.entries(query).filter(([, value]) => value !== undefined && value !== "")),
      }),
    select: (data) => data.metrics,
  })
}

/** The store's currencies, for the currency picker. */
export function useStoreCurrencies() {
  return useQuery({
    queryKey: ["smart-referrals", "store-currencies"],
    queryFn: () =>
      sdk.client.fetch<{ stores: { supported_currencies?: { currency_code: string; is_default?: boolean }[] }[] }>(
        `/admin/stores`
      ),
    select: (data) =>
      (data.stores[0]?.supported_currencies ?? []).map((currency) => ({
        code: currency.currency_code.toLowerCase(),
        is_default: !!currency.is_default,
      })),
  })
}
