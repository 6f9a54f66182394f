import { z } from "@medusajs/framework/zod"
import { REFERRAL_STATUSES } from "../../../types"
import { createAdminListParams, dateFilter } from "../../utils/validators"

const ReferralStatus = z.enum(REFERRAL_STATUSES)

export const AdminGetReferralsParams = createAdminListParams().extend({
  status: z.union([ReferralStatus, z.array(ReferralStatus)]).optional(),
  referrer_customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  referee_customer_id: z.union([z.string(), z.array(z.string())]).optional(),
  order_id: z.string().optional(),
  created_at: dateFilter.optional(),
})
export type AdminGetReferralsParamsType = z.infer<typeof AdminGetReferralsParams>

export const AdminReviewReferral = z
  .object({ reason: z.string().trim().min(1).max(500).optional() })
  .strict()
export type AdminReviewReferralType = z.infer<typeof AdminReviewReferral>
