import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** An offer as GET /admin/referrals/arms answers it, with the bandit's record and value model. */
export type IncentiveArm = {
  id: string
  name: string
  referee_type: "percentage" | "fixed"
  referee_value: number
  referee_currency_code: string | null
  referee_amounts: Record<string, number> | null
  referrer_type: "store_credit" | "percentage" | "fixed"
  referrer_value: number
  referrer_currency_code: string | null
  referrer_amounts: Record<string, number> | null
  is_default: boolean
  active: boolean
  created_at: string
  stats: { pulls: number; successes: number; failures: number }
  posterior: { alpha: number; beta: number; mean: number; ci95: [number, number] }
  value: { expected_cost: number; expected_net_value: number }
}

export type IncentiveArmList = {
  arms: IncentiveArm[]
  count: number
  economics: { average_order_value: number; expected_margin_rate: number; expected_margin: number }
}

/** What the create/edit form sends; the API validates it (see AdminCreateIncentiveArm). */
export type IncentiveArmInput = {
  name: string
  referee_type: "percentage" | "fixed"
  referee_value: number
  referee_currency_code?: string | null
  referrer_type: "store_credit" | "percentage" | "fixed"
  referrer_value: number
  referrer_currency_code?: string | null
  active?: boolean
}

const armsKey = ["smart-referrals", "arms"]

export function useIncentiveArms() {
  return useQuery({
    queryKey: armsKey,
    queryFn: () => sdk.client.fetch<IncentiveArmList>(`/admin/referrals/arms`),
  })
}

export function useCreateIncentiveArm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: IncentiveArmInput) =>
      sdk.client.fetch<{ arm: IncentiveArm }>(`/admin/referrals/arms`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: armsKey }),
  })
}

/** Edit or (de)activate an offer; amounts only change while it has never been offered (the API says so). */
export function useUpdateIncentiveArm() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<IncentiveArmInput> & { id: string }) =>
      sdk.client.fetch<{ arm: IncentiveArm }>(`/admin/referrals/arms/${id}`, { method: "POST", body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: armsKey }),
  })
}
