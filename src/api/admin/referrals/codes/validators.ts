import { z } from "@medusajs/framework/zod"
import { REFERRAL_CODE_STATUSES } from "../../../../types"

export const AdminUpdateReferralCode = z.object({ status: z.enum(REFERRAL_CODE_STATUSES) }).strict()
export type AdminUpdateReferralCodeType = z.infer<typeof AdminUpdateReferralCode>
