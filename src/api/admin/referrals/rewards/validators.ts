import { z } from "@medusajs/framework/zod"

export const AdminRevokeReferralReward = z
  .object({ reason: z.string().trim().min(1).max(500) })
  .strict()
export type AdminRevokeReferralRewardType = z.infer<typeof AdminRevokeReferralReward>
