import { z } from "@medusajs/framework/zod"

export const StoreUnsubscribeReferralAsks = z
  .object({
    /** The token from the unsubscribe link of a referral email. */
    token: z.string().trim().min(10).max(512),
  })
  .strict()
export type StoreUnsubscribeReferralAsksType = z.infer<typeof StoreUnsubscribeReferralAsks>
