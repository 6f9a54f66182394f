import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import type {
  AdminReferralListParams,
  AdminReferralListResponse,
  AdminReviewReferralPayload,
  AdminReviewReferralResponse,
  AdminReferral as AdminReferralRecord,
  ReferralStatus,
  Serialized,
} from "../../types"
import { sdk } from "../lib/sdk"

export { REFERRAL_STATUSES } from "../../types/referral/constants"
export type { StoredReferralFlag as ReferralFlag, ReferralStatus } from "../../types"

/** A referral as GET /admin/referrals lists it, as JSON. */
export type AdminReferral = Serialized<AdminReferralRecord>

export type ReferralListQuery = {
  limit: number
  offset: number
  status?: ReferralStatus[]
}

export type ReferralList = Serialized<AdminReferralListResponse>

export function useReferrals(query: ReferralListQuery) {
  return useQuery({
    queryKey: ["smart-referrals", "referrals", query],
    queryFn: () =>
      sdk.client.fetch<ReferralList>(`/admin/referrals`, {
        query: {
          limit: query.limit,
          offset: query.offset,
          ...(query.status?.length ? { status: query.status } : {}),
        } satisfies AdminReferralListParams,
      }),
    placeholderData: (previous) => previous,
  })
}

/** Approve or reject a referral waiting for review; every referral list and the metrics change. */
export function useReviewReferral() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: "approve" | "reject"; reason?: string }) =>
      sdk.client.fetch<Serialized<AdminReviewReferralResponse>>(`/admin/referrals/${id}/${decision}`, {
        method: "POST",
        body: (reason ? { reason } : {}) satisfies AdminReviewReferralPayload,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["smart-referrals"] })
    },
  })
}
