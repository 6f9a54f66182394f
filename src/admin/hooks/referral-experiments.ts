import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminCreateReferralExperimentPayload,
  AdminExperimentResultsResponse,
  AdminReferralExperiment,
  AdminReferralExperimentListResponse,
  AdminReferralExperimentResponse,
  ExperimentVariantResult,
  Serialized,
} from "../../types"
import { sdk } from "../lib/sdk"

export type { VariantKind } from "../../types"

export type ReferralExperiment = Serialized<AdminReferralExperiment>
export type ReferralVariant = ReferralExperiment["variants"][number]
/** The body of POST /admin/referrals/experiments (AdminCreateExperiment). */
export type CreateExperimentBody = AdminCreateReferralExperimentPayload
export type VariantResult = Serialized<ExperimentVariantResult>
export type ExperimentResults = Serialized<AdminExperimentResultsResponse>["results"]

const experimentsKey = ["smart-referrals", "experiments"]

export function useReferralExperiments() {
  return useQuery({
    queryKey: experimentsKey,
    queryFn: () => sdk.client.fetch<Serialized<AdminReferralExperimentListResponse>>(`/admin/referrals/experiments`),
  })
}

export function useExperimentResults(id: string | null) {
  return useQuery({
    queryKey: [...experimentsKey, id, "results"],
    queryFn: () =>
      sdk.client.fetch<Serialized<AdminExperimentResultsResponse>>(`/admin/referrals/experiments/${id}/results`),
    enabled: !!id,
  })
}

export function useCreateReferralExperiment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: AdminCreateReferralExperimentPayload) =>
      sdk.client.fetch<Serialized<AdminReferralExperimentResponse>>(`/admin/referrals/experiments`, {
        method: "POST",
        body,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: experimentsKey }),
  })
}

export function useStopReferralExperiment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<Serialized<AdminReferralExperimentResponse>>(`/admin/referrals/experiments/${id}/stop`, {
        method: "POST",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: experimentsKey }),
  })
}
