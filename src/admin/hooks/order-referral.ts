import { useQuery } from "@tanstack/react-query"
import type { AdminOrderReferralResponse, Serialized } from "../../types"
import { sdk } from "../lib/sdk"

export type OrderReferral = NonNullable<Serialized<AdminOrderReferralResponse>["referral"]>
export type OrderReferralAttempt = Serialized<AdminOrderReferralResponse>["attempts"][number]
export type OrderReferralReward = OrderReferral["rewards"][number]

export function useOrderReferral(orderId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "order", orderId],
    queryFn: () => sdk.client.fetch<Serialized<AdminOrderReferralResponse>>(`/admin/referrals/orders/${orderId}`),
  })
}
