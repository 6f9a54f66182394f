import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { ReferralFlag } from "./referrals"

type OfferSide = { type: "percentage" | "fixed" | "store_credit"; value: number; currency_code: string | null }

export type OrderReferralReward = {
  id: string
  role: "referrer" | "referee"
  kind: "store_credit" | "promotion" | "discount"
  amount: number
  currency_code: string
  status: "held" | "issuing" | "issued" | "revoked"
  release_at: string | null
  issued_at: string | null
  revoked_at: string | null
  note: string | null
}

export type OrderReferralAttempt = {
  id: string
  code: string
  status: string
  reason: string | null
  referrer_customer_id: string
  referee_email: string | null
  cart_id: string | null
  created_at: string
  flags?: ReferralFlag[] | null
}

export type OrderReferral = OrderReferralAttempt & {
  order_id: string
  order_total: number | null
  currency_code: string | null
  arm_id: string | null
  /** The experiment variants the referrer was in ("experiment_id:key", comma-separated). */
  variant: string | null
  converted_at: string | null
  rewards: OrderReferralReward[]
  arm: { id: string; name: string; offer: { referee: OfferSide; referrer: OfferSide } | null } | null
  referrer: { id: string; email: string | null; first_name: string | null; last_name: string | null }
}

export function useOrderReferral(orderId: string) {
  return useQuery({
    queryKey: ["smart-referrals", "order", orderId],
    queryFn: () =>
      sdk.client.fetch<{ referral: OrderReferral | null; attempts: OrderReferralAttempt[] }>(
        `/admin/referrals/orders/${orderId}`
      ),
  })
}
