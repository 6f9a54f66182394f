/** What one run of the release did. */
export type RewardRelease = { issued: number; revoked: number; skipped: number; failed: string[] }

/** POST /admin/referrals/rewards/release */
export type AdminReleaseReferralRewardsResponse = { release: RewardRelease }
