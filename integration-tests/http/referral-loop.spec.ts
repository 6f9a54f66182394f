import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => ({ headers: { authorization: `Bearer ${store.admin_token}` } })
    const shopper = (email: string) => new Shopper(api, store, email)
    const referralsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}`, admin())).data.referrals
    const setProgram = (changes: Record<string, unknown>) => api.post(`/admin/referrals/program`, changes, admin())
    const creditBalance = async (customer: Shopper) => {
      const { data } = await api.get(`/store/store-credit-accounts?currency_code=usd`, customer.headers())
      return data.store_credit_accounts[0]?.balance ?? 0
    }
    const refusal = async (request: Promise<unknown>) => {
      const error = await request.then(
        () => {
          throw new Error("expected the request to be refused")
        },
        (e) => e
      )
      return { status: error.response?.status, message: error.response?.data?.message }
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("runs the loop: code, click, discount at checkout, attribution, release to store credit, cancel clawback", async () => {
      await setProgram({ reward_hold_days: 0 })
      const anna = await shopper("anna@example.com").register("Anna")
      const { referral_code, stats } = await anna.me()
      expect(referral_code.code).toMatch(/^ANNA-[23456789A-Z]{6}$/)
      expect(referral_code.share_url).toBe(`http://localhost:8000/r/${referral_code.code}`)
      expect(referral_code.offer).toEqual({
        referee: { type: "percentage", value: 10, currency_code: null },
        referrer: { type: "store_credit", value: 10, currency_code: null },
      })
      expect(stats).toMatchObject({ pending: 0, converted: 0, rewarded: 0, rewards_earned: [] })

      const landing = await api.get(`/store/referrals/codes/${referral_code.code}`, anna.headers())
      expect(landing.data.referral_code).toEqual({
        code: referral_code.code,
        referrer_first_name: "Anna",
        offer: referral_code.offer,
      })
      const click = await api.post(
        `/store/referrals/clicks`,
        { code: referral_code.code, visitor_id: "visitor-1" },
        { headers: { "x-publishable-api-key": store.publishable_key } }
      )
      expect(click.status).toBe(201)
      expect(click.data.referral_code.code).toBe(referral_code.code)

      const ben = await shopper("ben@example.com").register("Ben")
      const cartId = await ben.createCart()
      const applied = await ben.applyCode(cartId, referral_code.code)
      expect(applied.data.cart.discount_total).toBe(10)
      expect(applied.data.cart.total).toBe(90)
      await ben.pay(cartId)
      const { data: completed } = await ben.complete(cartId)
      expect(completed.type).toBe("order")
      const order = completed.order

      const [converted] = await eventually(async () => {
        const rows = await referralsOf(anna.customer_id!)
        expect(rows[0]?.status).toBe("converted")
        return rows
      })
      expect(converted).toMatchObject({
        code: referral_code.code,
        referee_customer_id: ben.customer_id,
        referee_email: "ben@example.com",
        order_id: order.id,
        order_total: 90,
        currency_code: "usd",
      })
      const rewardOf = (role: string) => converted.rewards.find((r: { role: string }) => r.role === role)
      expect(rewardOf("referee")).toMatchObject({ kind: "discount", amount: 10, status: "issued" })
      expect(rewardOf("referrer")).toMatchObject({ kind: "store_credit", amount: 10, currency_code: "usd", status: "held" })

      const { data: release } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(release.release).toEqual({ issued: 1, revoked: 0, skipped: 0, failed: [] })
      expect(await creditBalance(anna)).toBe(10)
      const afterRelease = await anna.me()
      expect(afterRelease.stats).toMatchObject({
        rewarded: 1,
        rewards_earned: [{ amount: 10, currency_code: "usd" }],
      })

      const again = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(again.data.release.issued).toBe(0)

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      await eventually(async () => {
        const [row] = await referralsOf(anna.customer_id!)
        expect(row).toMatchObject({ status: "rejected", reason: "order_canceled" })
        expect(row.rewards.find((r: { role: string }) => r.role === "referrer").status).toBe("revoked")
      })
      expect(await creditBalance(anna)).toBe(0)
    })

    it("holds the referrer's reward for the hold period and revokes it when the order is canceled first", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      const { referral_code } = await anna.me()
      const order = await (await shopper("ben@example.com").register("Ben")).checkoutWith(referral_code.code)
      const [referral] = await eventually(async () => {
        const rows = await referralsOf(anna.customer_id!)
        expect(rows[0]?.status).toBe("converted")
        return rows
      })
      const held = referral.rewards.find((r: { role: string }) => r.role === "referrer")
      const holdDays = (new Date(held.release_at).getTime() - Date.now()) / 86400000
      expect(holdDays).toBeGreaterThan(13.9)
      expect(holdDays).toBeLessThanOrEqual(14)

      const { data: release } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(release.release.issued).toBe(0)

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      await eventually(async () => {
        const [row] = await referralsOf(anna.customer_id!)
        expect(row.rewards.find((r: { role: string }) => r.role === "referrer")).toMatchObject({
          status: "revoked",
          note: "order_canceled",
        })
      })
    })

    it("changes nothing when order.placed is delivered again", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      const { referral_code } = await anna.me()
      const order = await (await shopper("ben@example.com").register("Ben")).checkoutWith(referral_code.code)
      await eventually(async () => expect((await referralsOf(anna.customer_id!))[0]?.status).toBe("converted"))

      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      await eventBus.emit([
        { name: "order.placed", data: { id: order.id } },
        { name: "order.placed", data: { id: order.id } },
      ])
      await new Promise((resolve) => setTimeout(resolve, 1500))

      const rows = await referralsOf(anna.customer_id!)
      expect(rows).toHaveLength(1)
      expect(rows[0].rewards).toHaveLength(2)
      const { data } = await api.get(`/admin/referrals/customers/${anna.customer_id}`, admin())
      expect(data.referral_code.uses).toBe(1)
    })
  },
})
