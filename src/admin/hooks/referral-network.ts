import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** A customer's row in the network, as last computed. */
export type NetworkConnector = {
  customer_id: string
  out_degree: number
  descendants: number
  generations: number
  depth: number
  pagerank: number
  super_connector: boolean
}

export type ReferralNetwork = {
  computed_at: string | null
  customers: number
  super_connector_count: number
  top_connectors: NetworkConnector[]
  depth_distribution: { depth: number; customers: number }[]
  /** Friends of friends: `referrer` brought `via`, who brought `friend`. */
  second_generation: { referrer: string; via: string; friend: string }[]
}

export type NetworkComputation = {
  customers: number
  referrals: number
  super_connectors: string[]
  computed_at: string
  compute_ms: number
}

export type ReferralTreeNode = { customer_id: string; children: ReferralTreeNode[]; truncated?: boolean }

const networkKey = ["smart-referrals", "network"]

export function useReferralNetwork(limit = 20) {
  return useQuery({
    queryKey: [...networkKey, { limit }],
    queryFn: () => sdk.client.fetch<{ network: ReferralNetwork }>(`/admin/referrals/network`, { query: { limit } }),
  })
}

export function useComputeReferralNetwork() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<{ network: NetworkComputation }>(`/admin/referrals/network/compute`, { method: "POST" }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: networkKey })
      queryClient.invalidateQueries({ queryKey: ["smart-referrals", "tree"] })
      // The customer widget shows the super-connector flag.
      queryClient.invalidateQueries({ queryKey: ["smart-referrals", "customer"] })
    },
  })
}

export function useReferralTree(customerId: string | null, depth: number) {
  return useQuery({
    queryKey: ["smart-referrals", "tree", customerId, { depth }],
    queryFn: () =>
      sdk.client.fetch<{ tree: ReferralTreeNode }>(`/admin/referrals/customers/${customerId}/tree`, {
        query: { depth },
      }),
    enabled: !!customerId,
    placeholderData: keepPreviousData,
  })
}
