import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminPromotePropensityModelResponse,
  AdminPropensityModelResponse,
  PropensityModelSummary as PropensityModelSummaryRecord,
  PropensityTrainingOutcome,
  Serialized,
} from "../../types"
import { runToCompletion } from "../lib/compute-run"
import { sdk } from "../lib/sdk"

/** One training run of the propensity model, as GET /admin/referrals/model lists it. */
export type PropensityModelSummary = Serialized<PropensityModelSummaryRecord>
export type PropensityModelOverview = Serialized<AdminPropensityModelResponse>
/** What a finished training run answers: the new version and whether it replaced the active one. */
export type TrainingOutcome = Serialized<PropensityTrainingOutcome>

const modelKey = ["smart-referrals", "model"]

export function usePropensityModel() {
  return useQuery({
    queryKey: modelKey,
    queryFn: () => sdk.client.fetch<PropensityModelOverview>(`/admin/referrals/model`),
  })
}

/** Trains on the server's worker and waits for the outcome (the request itself only queues it). */
export function useTrainPropensityModel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => runToCompletion<PropensityTrainingOutcome>(`/admin/referrals/model/train`),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: modelKey })
      // Customers' scores come from the model in force.
      queryClient.invalidateQueries({ queryKey: ["smart-referrals", "propensity"] })
    },
  })
}

/** Confirms a model awaiting confirmation: it becomes the active one. */
export function usePromotePropensityModel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<Serialized<AdminPromotePropensityModelResponse>>(`/admin/referrals/model/${id}/promote`, {
        method: "POST",
        body: { confirm: true },
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: modelKey })
      queryClient.invalidateQueries({ queryKey: ["smart-referrals", "propensity"] })
    },
  })
}
