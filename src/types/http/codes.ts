import type { z } from "@medusajs/framework/zod"
import type { AdminUpdateReferralCode } from "../../api/admin/referrals/codes/validators"
import type { ReferralCodeDTO } from "../referral"

/** POST /admin/referrals/codes/:id */
export type AdminUpdateReferralCodePayload = z.input<typeof AdminUpdateReferralCode>
export type AdminReferralCodeResponse = { referral_code: ReferralCodeDTO }
