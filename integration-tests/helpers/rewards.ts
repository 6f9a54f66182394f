import type { AxiosInstance } from "axios"

type Headers = { headers: Record<string, string> }

/** Runs the hourly reward release now, as the admin's "release" button does; answers what it released. */
export async function releaseRewards(api: AxiosInstance, headers: Headers) {
  return (await api.post(`/admin/referrals/rewards/release`, {}, headers)).data.release
}

/** A referrer's latest referral and its referrer-side reward, as the admin sees them. */
export async function referrerRewardOf(api: AxiosInstance, headers: Headers, customerId: string) {
  const { data } = await api.get(`/admin/referrals?referrer_customer_id=${customerId}`, headers)
  const [referral] = data.referrals
  return { referral, reward: referral?.rewards.find((r: { role: string }) => r.role === "referrer") }
}
