/** The loop at a glance: counts by kind and status, and referrers' rewards per status and currency. */
export type LoopSummary = {
  codes: number
  touches: Record<string, number>
  referrals: Record<string, number>
  rejections: Record<string, number>
  moments: Record<string, number>
  prompts: Record<string, number>
  referrer_rewards: { status: string; currency_code: string; count: number; amount: number }[]
}

/** GET /admin/referrals/summary */
export type AdminReferralSummaryResponse = { summary: LoopSummary }
