import { z } from "@medusajs/framework/zod"
import { createFindParams, createOperatorMap, createSelectParams } from "@medusajs/medusa/api/utils/validators"
import { REFERRAL_STATUSES } from "../../../modules/referral/models/referral"

const ReferralStatus = z.enum(REFERRAL_STATUSES)

export const AdminGetReferralsParams = createFindParams({ limit: 20, offset: 0 }).extend({
  status: z.union([ReferralStatus, z.array(ReferralStatus)]).optional(),
  referrer_customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  referee_customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.string().optional(),
  created_at: createOperatorMap().optional(),
})
export type AdminGetReferralsParamsType = z.infer<typeof AdminGetReferralsParams>

export const AdminGetReferralParams = createSelectParams()

export const AdminReviewReferral = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict()
export type AdminReviewReferralType = z.infer<typeof AdminReviewReferral>

const days = (max: number) => z.number().int().min(0).max(max)
const share = z.number().min(0).max(1)

export const AdminUpdateReferralProgram = z
  .object({
    enabled: z.boolean(),
    attribution_window_days: days(365).min(1),
    reward_hold_days: days(365),
    referrer_cap: z.number().int().min(1).max(100000),
    referrer_cap_window_days: days(3650).min(1),
    new_customers_only: z.boolean(),
    block_same_address: z.boolean(),
    require_review: z.boolean(),
    propensity_low_threshold: share,
    propensity_high_threshold: share,
    propensity_label: z.enum(["converted_referral", "shared"]),
    propensity_min_positives: z.number().int().min(1).max(1_000_000),
    propensity_label_window_days: days(3650).min(1),
    propensity_promotion_tolerance: z.number().min(0).max(0.5),
    moment_threshold: share,
    llm_enabled: z.boolean(),
  })
  .partial()
  .strict()
export type AdminUpdateReferralProgramType = z.infer<typeof AdminUpdateReferralProgram>

export const AdminUpdateReferralCode = z.object({ status: z.enum(["active", "disabled"]) }).strict()
export type AdminUpdateReferralCodeType = z.infer<typeof AdminUpdateReferralCode>
