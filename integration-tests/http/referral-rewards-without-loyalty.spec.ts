import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { capturePayment, refundPayment } from "../helpers/payments"

jest.setTimeout(120 * 1000)

/**
 * A store without the loyalty plugin: referrers are paid with a single-use
 * promotion code instead of store credit. The variable is read when the runner
 * loads medusa-config, before its own `env` option is applied, so it is set here.
 */
process.env.SMART_REFERRALS_WITHOUT_LOYALTY = "true"

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterAll(() => {
      delete process.env.SMART_REFERRALS_WITHOUT_LOYALTY
    })

    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const referralsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}`, admin())).data.referrals

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    const convertedReferral = async () => {
      // Released on payment, not delivery: this store ships nothing.
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
      const anna = await shopper("anna@example.com").register("Anna")
      const { referral_code } = await anna.me()
      const order = await (await shopper("ben@example.com").register("Ben")).checkoutWith(referral_code.code)
      await eventually(async () => expect((await referralsOf(anna.customer_id!))[0]?.status).toBe("converted"))
      const paymentId = await capturePayment(api, admin(), order.id)
      const { data } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(data.release.issued).toBe(1)
      return { anna, order, paymentId }
    }

    it("pays the referrer with a single-use code worth the reward, which the referrer can spend", async () => {
      expect(getContainer().hasRegistration("store_credit")).toBe(false)
      const { anna } = await convertedReferral()
      const me = await anna.me()
      expect(me.rewards).toEqual([
        expect.objectContaining({ kind: "promotion", amount: 10, currency_code: "usd", status: "issued" }),
      ])
      const rewardCode = me.rewards[0].code
      expect(rewardCode).toMatch(/^THANKS-/)

      const cartId = await anna.createCart()
      const { data } = await anna.applyCode(cartId, rewardCode)
      expect(data.cart.discount_total).toBe(10)
      await anna.pay(cartId)
      expect((await anna.complete(cartId)).data.type).toBe("order")

      const reuse = shopper("zed@example.com")
      const second = await reuse.applyCode(await reuse.createCart(), rewardCode).then(
        (r) => r.data.cart.discount_total,
        (e) => e.response.status
      )
      expect([0, 400]).toContain(second)
    })

    it("switches the unused reward code off when the friend's order is fully refunded", async () => {
      const { anna, order, paymentId } = await convertedReferral()
      await refundPayment(api, admin(), paymentId, order.total)

      await eventually(async () => {
        const [referral] = await referralsOf(anna.customer_id!)
        expect(referral).toMatchObject({ status: "rejected", reason: "order_refunded" })
        const reward = referral.rewards.find((r: { role: string }) => r.role === "referrer")
        expect(reward).toMatchObject({ status: "revoked", note: "order_refunded: reward code deactivated" })
      })
      const rewardCode = (await anna.me()).rewards[0].code
      const refused = await anna
        .applyCode(await anna.createCart(), rewardCode)
        .then((r) => r.data.cart.discount_total, (e) => e.response.status)
      expect([0, 400]).toContain(refused)
    })
  },
})
