import { z } from "@medusajs/framework/zod"

export const StoreRecordReferralClick = z
  .object({
    code: z.string().trim().min(3).max(64),
    /** The storefront's anonymous id for the friend's browser (a cookie), so clicks can be de-duplicated. */
    visitor_id: z.string().trim().min(1).max(128),
  })
  .strict()
export type StoreRecordReferralClickType = z.infer<typeof StoreRecordReferralClick>
