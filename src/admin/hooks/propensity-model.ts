import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminPropensityModelResponse,
  AdminTrainPropensityModelResponse,
  PropensityModelSummary as PropensityModelSummaryRecord,
  Serialized,
} from "../../types"
import { sdk } from "../lib/sdk"

/** One training run of the propensity model, as GET /admin/referrals/model lists it. */
export type PropensityModelSummary = Serialized<PropensityModelSummaryRecord>
export type PropensityModelOverview = Serialized<AdminPropensityModelResponse>
/** What POST /admin/referrals/model/train answers: the new version and whether it replaced the active one. */
export type TrainingOutcome = Serialized<AdminTrainPropensityModelResponse>["model"]

const modelKey = ["smart-referrals", "model"]

export function usePropensityModel() {
  return useQuery({
    queryKey: modelKey,
    queryFn: () => sdk.client.fetch<PropensityModelOverview>(`/admin/referrals/model`),
  })
}

export function useTrainPropensityModel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      sdk.client.fetch<Serialized<AdminTrainPropensityModelResponse>>(`/admin/referrals/model/train`, {
        method: "POST",
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: modelKey })
      // Customers' scores come from the model in force.
      queryClient.invalidateQueries({ queryKey: ["smart-referrals", "propensity"] })
    },
  })
}
