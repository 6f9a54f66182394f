import { resolveRewardLeaseMs, REWARD_LEASE_DEFAULT_SECONDS } from "../reward-lease"

describe("resolveRewardLeaseMs", () => {
  it("takes the option over the environment over the default", () => {
    expect(resolveRewardLeaseMs(undefined, {})).toBe(REWARD_LEASE_DEFAULT_SECONDS * 1000)
    expect(resolveRewardLeaseMs(undefined, { SMART_REFERRALS_REWARD_LEASE_SECONDS: " 30 " })).toBe(30_000)
    expect(resolveRewardLeaseMs(120, { SMART_REFERRALS_REWARD_LEASE_SECONDS: "30" })).toBe(120_000)
  })

  it("refuses a lease that is not a whole number of seconds between 1 s and a week, naming the option", () => {
    for (const bad of [0, -5, 1.5, 8 * 24 * 3600, Number.NaN]) {
      expect(() => resolveRewardLeaseMs(bad, {})).toThrow(/reward_lease_seconds must be an integer between 1 and 604800/)
    }
    expect(() => resolveRewardLeaseMs(undefined, { SMART_REFERRALS_REWARD_LEASE_SECONDS: "ten" })).toThrow(RangeError)
  })
})
