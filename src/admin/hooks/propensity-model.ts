import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type { PropensityModelStatus } from "../../types"
import { sdk } from "../lib/sdk"

/** One training run of the propensity model, as GET /admin/referrals/model lists it. */
export type PropensityModelSummary = {
  id: string
  version: number
  kind: "gradient_boosting" | "heuristic"
  status: PropensityModelStatus
  trained_at: string
  label: string
  n_train: number
  n_test: number
  positives: number
  positive_rate: number
  auc: number | null
  baseline_auc: number | null
  importances: Record<string, number> | null
  training_ms: number
  reason: string | null
}

export type PropensityModelOverview = {
  active: PropensityModelSummary | null
  cold_start: boolean
  models: PropensityModelSummary[]
  features: { name: string; description: string }[]
}

/** What POST /admin/referrals/model/train answers: the new version and whether it replaced the active one. */
export type TrainingOutcome = {
  id: string
  version: number
  promoted: boolean
  reason: string | null
  kind: "gradient_boosting" | "heuristic"
  auc: number | null
  baseline_auc: number | null
  positives: number
  positive_rate: number
  n_train: number
  n_test: number
  importances: Record<string, number> | null
  training_ms: number
}

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
      sdk.client.fetch<{ model: TrainingOutcome }>(`/admin/referrals/model/train`, { method: "POST" }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: modelKey })
      // Customers' scores come from the model in force.
      queryClient.invalidateQueries({ queryKey: ["smart-referrals", "propensity"] })
    },
  })
}
