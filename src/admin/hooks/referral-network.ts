import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminReferralNetworkResponse,
  AdminReferralTreeResponse,
  NetworkComputation as NetworkComputationRecord,
  NetworkConnector as NetworkConnectorRecord,
  Serialized,
} from "../../types"
import { runToCompletion } from "../lib/compute-run"
import { sdk } from "../lib/sdk"

export type { ReferralTreeNode } from "../../types"

/** A customer's row in the network, as last computed. */
export type NetworkConnector = Serialized<NetworkConnectorRecord>
export type ReferralNetwork = Serialized<AdminReferralNetworkResponse>["network"]
export type NetworkComputation = Serialized<NetworkComputationRecord>

const networkKey = ["smart-referrals", "network"]

export function useReferralNetwork(limit = 20) {
  return useQuery({
    queryKey: [...networkKey, { limit }],
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminReferralNetworkResponse>>(`/admin/referrals/network`, { query: { limit } }),
  })
}

export function useComputeReferralNetwork() {
  const queryClient = useQueryClient()
  return useMutation({
    // Computed on the server's worker; this waits for the outcome.
    mutationFn: () => runToCompletion<NetworkComputationRecord>(`/admin/referrals/network/compute`),
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
      sdk.client.fetch<Serialized<AdminReferralTreeResponse>>(`/admin/referrals/customers/${customerId}/tree`, {
        query: { depth },
      }),
    enabled: !!customerId,
    placeholderData: keepPreviousData,
  })
}
