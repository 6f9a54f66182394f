import { z } from "@medusajs/framework/zod"

/** "Who referred you?": the referrer's email, as the friend knows it. */
export const StoreLookupReferrer = z
  .object({
    email: z.string().trim().email().max(254),
  })
  .strict()
export type StoreLookupReferrerType = z.infer<typeof StoreLookupReferrer>
