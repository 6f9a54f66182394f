import { useMutation, useQueryClient } from "@tanstack/react-query"
import type { AdminRevokeReferralRewardPayload, AdminRevokeReferralRewardResponse, Serialized } from "../../types"
import { sdk } from "../lib/sdk"

/** Revoke a referrer's held or issued reward with a reason; every referral view changes. */
export function useRevokeReferralReward() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      sdk.client.fetch<Serialized<AdminRevokeReferralRewardResponse>>(`/admin/referrals/rewards/${id}/revoke`, {
        method: "POST",
        body: { reason } satisfies AdminRevokeReferralRewardPayload,
      }),
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["smart-referrals"] })
    },
  })
}
