import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { capturePayment } from "../helpers/payments"

jest.setTimeout(180 * 1000)

/**
 * A small loop driven through the store API, with its metrics computed by hand:
 * Anna buys (a moment: prompt 1), sees and shares her prompt; Ben clicks, applies
 * her code and buys (conversion; his own first order is prompt 2), then buys
 * again within 60 days (activated). The reward is released.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("reports the funnel, rates, K and economics of the loop as computed by hand", async () => {
      // Released on payment, not delivery: this store ships nothing.
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
      const anna = await shopper("anna@example.com").register("Anna")
      await anna.checkoutWith(null)
      const { prompt, referral_code } = await eventually(async () => {
        const me = await anna.me()
        expect(me.prompt).not.toBeNull()
        return me
      })
      await api.post(`/store/referrals/me/prompt/${prompt.id}/shown`, {}, anna.headers())
      await api.post(`/store/referrals/me/prompt/${prompt.id}/shared`, { channel: "email" }, anna.headers())

      await api.post(
        `/store/referrals/clicks`,
        { code: referral_code.code, visitor_id: "visitor-ben" },
        { headers: { "x-publishable-api-key": store.publishable_key } }
      )
      const ben = await shopper("ben@example.com").register("Ben")
      const referred = await ben.checkoutWith(referral_code.code)
      await eventually(async () => expect((await anna.me()).stats.converted).toBe(1))
      await capturePayment(api, admin(), referred.id)
      await ben.checkoutWith(null)
      await eventually(async () => {
        const { data } = await api.get(`/admin/referrals/moments?customer_id=${ben.customer_id}`, admin())
        expect(data.moments).toHaveLength(2)
      })
      const { data: release } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(release.release.issued).toBe(1)

      const { data } = await api.get(`/admin/referrals/metrics`, admin())
      expect(data.metrics.groups).toHaveLength(1)
      const [all] = data.metrics.groups
      expect(all.funnel).toEqual({
        prompts_created: 2,
        prompts_shown: 1,
        shares: 1,
        clicks: 1,
        codes_applied: 1,
        conversions: 1,
        activated: 1,
      })
      expect(all.rates).toMatchObject({
        referral_rate_prompted: 0.5, // Anna of Anna and Ben shared
        acceptance: 1, // one conversion per share
        activation_rate: 1,
        k: 0.5, // one converted referral per prompted customer
      })
      expect(all.rates.referral_rate_active).toBeCloseTo(0.5, 10) // Anna of the two customers who ordered
      expect(all.rates.cycle_time_days).toBeGreaterThanOrEqual(0)
      expect(all.rates.cycle_time_days).toBeLessThan(1)
      expect(all.economics).toEqual([
        {
          currency_code: "usd",
          incentive_cost: 20, // 10% of Ben's 100 + Anna's 10 in store credit
          referred_first_order_revenue: 90,
          referred_customer_revenue: 190, // Ben's 90 and 100
          acquired: 1,
          cost_per_acquired: 20,
          roi: 8.5, // (190 - 20) / 20
        },
      ])

      const byArm = (await api.get(`/admin/referrals/metrics?group_by=arm`, admin())).data.metrics.groups
      expect(byArm).toHaveLength(1)
      expect(byArm[0].funnel).toMatchObject({ prompts_created: 2, conversions: 1, clicks: null })
      const { data: inEur } = await api.get(`/admin/referrals/metrics?currency_code=eur`, admin())
      expect(inEur.metrics.groups[0].economics).toEqual([])

      const bad = await api.get(`/admin/referrals/metrics?group_by=planet`, admin()).catch((e: any) => e.response)
      expect(bad.status).toBe(400)
      const inverted = await api
        .get(`/admin/referrals/metrics?from=2026-02-01&to=2026-01-01`, admin())
        .catch((e: any) => e.response)
      expect(inverted.status).toBe(400)
    })
  },
})
