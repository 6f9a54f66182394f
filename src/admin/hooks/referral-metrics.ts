import { useQuery } from "@tanstack/react-query"
import type { AdminLoopMetricsParams, AdminLoopMetricsResponse, Serialized } from "../../types"
import { sdk } from "../lib/sdk"

export type { LoopEconomics, LoopFunnel, LoopMetricsGroup, LoopRates } from "../../types"

/** GET /admin/referrals/metrics: the compute-loop-metrics workflow's result, its dates as JSON strings. */
export type LoopMetrics = Serialized<AdminLoopMetricsResponse>["metrics"]

export type LoopMetricsQuery = Pick<AdminLoopMetricsParams, "currency_code" | "group_by"> & {
  /** ISO date-times; the window is [from, to). Both absent: the API's default, the last 30 days. */
  from?: string
  to?: string
}

export function useLoopMetrics(query: LoopMetricsQuery) {
  return useQuery({
    queryKey: ["smart-referrals", "metrics", query],
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminLoopMetricsResponse>>(`/admin/referrals/metrics`, {
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
