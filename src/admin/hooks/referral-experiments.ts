import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

export type VariantKind = "bandit" | "fixed_arm" | "holdout" | "llm" | "template"

export type ReferralVariant = { id: string; key: string; kind: VariantKind; arm_id: string | null; weight: number }

export type ReferralExperiment = {
  id: string
  name: string
  dimension: "policy" | "message"
  status: "running" | "stopped"
  control_key: string
  started_at: string
  stopped_at: string | null
  variants: ReferralVariant[]
}

/** The body of POST /admin/referrals/experiments (AdminCreateExperiment). */
export type CreateExperimentBody = {
  name: string
  dimension: "policy" | "message"
  control_key: string
  variants: { key: string; kind: VariantKind; arm_id?: string; weight?: number }[]
}

type Money = { amount: number; currency_code: string }

export type VariantResult = {
  key: string
  kind: VariantKind
  arm_id: string | null
  customers: number
  asked: number
  referrers: number
  conversions: number
  referral_rate: number | null
  k: number | null
  revenue: Money[]
  incentive_cost: Money[]
  net_value: Money[]
  probability_best: number
  /** Difference in referral rate against the control, with its 95% interval and two-proportion test. */
  vs_control: { difference: number; ci95: [number, number]; z: number; p_value: number } | null
}

export type ExperimentResults = {
  experiment: Omit<ReferralExperiment, "variants">
  variants: VariantResult[]
}

const experimentsKey = ["smart-referrals", "experiments"]

export function useReferralExperiments() {
  return useQuery({
    queryKey: experimentsKey,
    queryFn: () =>
      sdk.client.fetch<{ experiments: ReferralExperiment[]; count: number }>(`/admin/referrals/experiments`),
  })
}

export function useExperimentResults(id: string | null) {
  return useQuery({
    queryKey: [...experimentsKey, id, "results"],
    queryFn: () => sdk.client.fetch<{ results: ExperimentResults }>(`/admin/referrals/experiments/${id}/results`),
    enabled: !!id,
  })
}

export function useCreateReferralExperiment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: CreateExperimentBody) =>
      sdk.client.fetch<{ experiment: ReferralExperiment }>(`/admin/referrals/experiments`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: experimentsKey }),
  })
}

export function useStopReferralExperiment() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      sdk.client.fetch<{ experiment: ReferralExperiment }>(`/admin/referrals/experiments/${id}/stop`, {
        method: "POST",
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: experimentsKey }),
  })
}
