import type { z } from "@medusajs/framework/zod"
import type { AdminGetReferralsParams, AdminReviewReferral } from "../../api/admin/referrals/validators"
import type { DescribedReferralFlag, ReferralDTO, ReferralRewardDTO } from "../referral"
import type { PaginatedResponse } from "./common"

/** A reward as routes answer it (without its back-reference to the referral). */
export type AdminReferralReward = Omit<ReferralRewardDTO, "referral">

/** A referral as GET /admin/referrals lists it (`defaultAdminReferralFields`), with its rewards. */
export type AdminReferral = Pick<
  ReferralDTO,
  | "id"
  | "code"
  | "status"
  | "reason"
  | "referrer_customer_id"
  | "referee_customer_id"
  | "referee_email"
  | "cart_id"
  | "order_id"
  | "order_total"
  | "currency_code"
  | "arm_id"
  | "variant"
  | "attributed_at"
  | "converted_at"
  | "ip_address"
  | "visitor_id"
  | "source"
  | "created_at"
  | "updated_at"
> & { rewards: AdminReferralReward[]; flags: DescribedReferralFlag[] | null }

/** A fraud rule that fired for a referral, with its explanation; `flags` is null when none did. */
export type AdminReferralFlag = DescribedReferralFlag

/** GET /admin/referrals */
export type AdminReferralListParams = Partial<z.input<typeof AdminGetReferralsParams>>
export type AdminReferralListResponse = PaginatedResponse<{ referrals: AdminReferral[] }>

/** GET /admin/referrals/:id */
export type AdminReferralResponse = { referral: AdminReferral }

/** POST /admin/referrals/:id/approve and /reject */
export type AdminReviewReferralPayload = z.input<typeof AdminReviewReferral>
export type AdminReviewReferralResponse = { referral: ReferralDTO }
