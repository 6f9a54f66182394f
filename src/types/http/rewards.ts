import type { z } from "@medusajs/framework/zod"
import type { AdminRevokeReferralReward } from "../../api/admin/referrals/rewards/validators"
import type { AdminReferralReward } from "./referrals"

/** What one run of the release did. */
export type RewardRelease = { issued: number; revoked: number; skipped: number; failed: string[] }

/** POST /admin/referrals/rewards/release */
export type AdminReleaseReferralRewardsResponse = { release: RewardRelease }

/** POST /admin/referrals/rewards/:id/revoke */
export type AdminRevokeReferralRewardPayload = z.input<typeof AdminRevokeReferralReward>
export type AdminRevokeReferralRewardResponse = { reward: AdminReferralReward }
