import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** The program settings as GET /admin/referrals/program answers them (see program-defaults.ts). */
export type ReferralProgram = {
  version: number
  enabled: boolean
  attribution_window_days: number
  reward_hold_days: number
  referrer_cap: number
  referrer_cap_window_days: number
  new_customers_only: boolean
  block_same_address: boolean
  require_review: boolean
  propensity_low_threshold: number
  propensity_high_threshold: number
  propensity_label: "converted_referral" | "shared"
  propensity_min_positives: number
  propensity_label_window_days: number
  propensity_promotion_tolerance: number
  moment_threshold: number
  moment_weights: Record<string, number> | null
  high_value_ratio: number
  ask_cooldown_days: number
  max_prompts_per_30_days: number
  store_daily_prompt_cap: number
  expected_margin_rate: number
  super_connector_percentile: number
  super_connector_min_referrals: number
  llm_enabled: boolean
}

const programKey = ["smart-referrals", "program"]

export function useReferralProgram() {
  return useQuery({
    queryKey: programKey,
    queryFn: () => sdk.client.fetch<{ program: ReferralProgram }>(`/admin/referrals/program`),
    select: (data) => data.program,
  })
}

export function useUpdateReferralProgram() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: Partial<Omit<ReferralProgram, "version">>) =>
      sdk.client.fetch<{ program: ReferralProgram }>(`/admin/referrals/program`, { method: "POST", body: changes }),
    onSuccess: (data) => {
      queryClient.setQueryData(programKey, data)
      queryClient.invalidateQueries({ queryKey: ["smart-referrals"] })
    },
  })
}
