import type { DescribedReferralFlag, IncentiveArmDTO, ReferralDTO } from "../referral"
import type { OfferResponse } from "./offers"
import type { AdminReferralReward } from "./referrals"

/** A referral row of the order page: every column (`*`, so `flags` comes whenever the column exists) and its rewards. */
export type OrderReferralAttempt = Omit<ReferralDTO, "referral_code" | "rewards" | "flags"> & {
  rewards: AdminReferralReward[]
  flags: DescribedReferralFlag[] | null
}

/** The referral an order converted, with the arm that made the offer and the referrer. */
export type OrderReferral = OrderReferralAttempt & {
  arm:
    | (Pick<
        IncentiveArmDTO,
        | "id"
        | "name"
        | "referee_type"
        | "referee_value"
        | "referee_currency_code"
        | "referrer_type"
        | "referrer_value"
        | "referrer_currency_code"
        | "is_default"
        | "active"
      > & { offer: OfferResponse })
    | null
  referrer: { id: string; email: string | null; first_name: string | null; last_name: string | null }
}

/** GET /admin/referrals/orders/:id: `referral` is null for an order that was not referred. */
export type AdminOrderReferralResponse = { referral: OrderReferral | null; attempts: OrderReferralAttempt[] }
