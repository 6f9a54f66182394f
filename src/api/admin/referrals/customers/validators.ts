import { z } from "@medusajs/framework/zod"

export const AdminGetReferralTreeParams = z
  .object({ depth: z.coerce.number().int().min(1).max(10).default(3) })
  .strict()
export type AdminGetReferralTreeParamsType = z.infer<typeof AdminGetReferralTreeParams>
