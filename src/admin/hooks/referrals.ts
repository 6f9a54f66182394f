import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

import { REFERRAL_STATUSES, type ReferralStatus } from "../../types"

export { REFERRAL_STATUSES, type ReferralStatus }

/** A fraud rule that fired for a referral; `flags` is null/absent when none did. */
export type ReferralFlag = { rule: string; message: string }

export type AdminReferral = {
  id: string
  code: string
  status: ReferralStatus
  reason: string | null
  referrer_customer_id: string
  referee_customer_id: string | null
  referee_email: string | null
  order_id: string | null
  order_total: number | null
  currency_code: string | null
  arm_id: string | null
  variant: string | null
  converted_at: string | null
  created_at: string
  flags?: ReferralFlag[] | null
  rewards?: { id: string; role: string; kind: string; amount: number; currency_code: string; status: string }[]
}

export type ReferralListQuery = {
  limit: number
  offset: number
  status?: ReferralStatus[]
}

export type ReferralList = { referrals: AdminReferral[]; count: number; offset: number; limit: number }

export function useReferrals(query: ReferralListQuery) {
  return useQuery({
    queryKey: ["smart-referrals", "referrals", query],
    queryFn: () =>
      sdk.client.fetch<ReferralList>(`/admin/referrals`, {
        query: { limit: query.limit, offset: query.offset, ...(query.status?.length ? { status: query.status } : {}) },
      }),
    placeholderData: (previous) => previous,
  })
}

/** Approve or reject a referral waiting for review; every referral list and the metrics change. */
export function useReviewReferral() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: "approve" | "reject"; reason?: string }) =>
      sdk.client.fetch<{ referral: AdminReferral }>(`/admin/referrals/${id}/${decision}`, {
        method: "POST",
        body: reason ? { reason } : {},
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["smart-referrals"] })
    },
  })
}
