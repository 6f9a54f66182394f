import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { capturePayment } from "../helpers/payments"

jest.setTimeout(180 * 1000)

/**
 * A store that sells in USD (its default currency) and EUR. Offers list their
 * amounts per currency; the friend's discount and the referrer's reward are
 * each given in a currency the person spends, or refused with a reason.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const referralsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}`, admin())).data.referrals

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    /**
     * `arm` becomes the store's default and only active offer: the offer made
     * already can't change its amounts, nor be withdrawn while it is the default.
     */
    const onlyOffer = async (arm: Record<string, unknown>) => {
      const created = (await api.post(`/admin/referrals/arms`, arm, admin())).data.arm
      await api.post(`/admin/referrals/arms/${created.id}`, { is_default: true }, admin())
      const { data } = await api.get(`/admin/referrals/arms`, admin())
      for (const existing of data.arms.filter((a: { id: string; active: boolean }) => a.id !== created.id && a.active)) {
        await api.post(`/admin/referrals/arms/${existing.id}`, { active: false }, admin())
      }
      return created
    }

    /**
     * Anna's code moves to `arm`: the only active offer when her first order
     * (in `region_id`) makes her a prompt.
     */
    const referrerOn = async (arm: Record<string, unknown>, region_id: string) => {
      const anna = await shopper("anna@example.com").register("Anna")
      await anna.me()
      const only = await onlyOffer(arm)
      await anna.checkoutWith(null, undefined, region_id)
      await eventually(async () => expect((await anna.me()).prompt?.offer).toBeTruthy())
      const { referral_code } = await anna.me()
      expect(referral_code.offer.referee.type).toBe(arm.referee_type)
      return { anna, code: referral_code.code as string, arm_id: only.id as string }
    }

    const FIXED_USD_EUR = {
      name: "Give 15 USD / 14 EUR, get 10 USD / 9 EUR",
      referee_type: "fixed",
      referee_value: 15,
      referee_currency_code: "usd",
      referee_amounts: { eur: 14 },
      referrer_type: "store_credit",
      referrer_value: 10,
      referrer_currency_code: "usd",
      referrer_amounts: { eur: 9 },
    }

    it("gives the friend the fixed discount listed for the cart's currency with the one code, and pays the referrer in the currency she shops in", async () => {
      const { anna, code } = await referrerOn(FIXED_USD_EUR, store.eur_region_id!)

      const ben = await shopper("ben@example.com").register("Ben")
      const eurCart = await ben.createCart(undefined, store.eur_region_id)
      const applied = await ben.applyCode(eurCart, code)
      expect(applied.data.cart.currency_code).toBe("eur")
      expect(applied.data.cart.discount_total).toBe(14)

      const cleo = shopper("cleo@example.com")
      const usdCart = await cleo.createCart()
      expect((await cleo.applyCode(usdCart, code)).data.cart.discount_total).toBe(15)

      // The discount survives a cart refresh (an address change re-runs the promotions).
      const refreshed = await ben.setShippingAddress(eurCart, { first_name: "Ben", address_1: "Hauptstr. 1", city: "Berlin", country_code: "de", postal_code: "10115" })
      expect(refreshed.data.cart.discount_total).toBe(14)
      await ben.pay(eurCart)
      const { data } = await ben.complete(eurCart)
      expect(data.type).toBe("order")

      // Cleo's cart is an attempt of its own: Ben's order is the one that converts.
      const referral = await eventually(async () => {
        const row = (await referralsOf(anna.customer_id!)).find((r: { order_id: string | null }) => r.order_id === data.order.id)
        expect(row?.status).toBe("converted")
        return row
      }, 30000)
      expect(referral.rewards).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ role: "referee", amount: 14, currency_code: "eur" }),
          expect.objectContaining({ role: "referrer", kind: "store_credit", amount: 9, currency_code: "eur", status: "held" }),
        ])
      )
    })

    it("refuses the code at once for a cart in a currency the fixed offer does not list", async () => {
      const { code } = await referrerOn(
        { ...FIXED_USD_EUR, name: "Give 15 USD", referee_amounts: null },
        store.region_id
      )
      const ben = await shopper("ben@example.com").register("Ben")
      const eurCart = await ben.createCart(undefined, store.eur_region_id)
      const refused = await refusal(ben.applyCode(eurCart, code))
      expect(refused.status).toBe(400)
      expect(refused.message).toMatch(/isn't offered in your cart's currency/)
      const { data } = await api.get(`/store/carts/${eurCart}`, ben.headers())
      expect(data.cart.promotions).toEqual([])
    })

    it("holds the referral for review when the offer lists no reward in the referrer's currency, instead of paying 10 in it", async () => {
      // The default offer (10% off, 10 in store credit) names no currency: its 10 is in the store's USD.
      const anna = await shopper("anna@example.com").register("Anna")
      await anna.checkoutWith(null, undefined, store.eur_region_id)
      const { referral_code } = await anna.me()
      const ben = await shopper("ben@example.com").register("Ben")
      const order = await ben.checkoutWith(referral_code.code)
      expect(order.discount_total).toBe(10)

      const referral = await eventually(async () => {
        const [row] = await referralsOf(anna.customer_id!)
        expect(row?.status).toBe("review")
        return row
      })
      expect(referral.reason).toBe("reward_currency_missing")
      expect(referral.rewards.filter((r: { role: string }) => r.role === "referrer")).toEqual([])

      const approve = await refusal(api.post(`/admin/referrals/${referral.id}/approve`, {}, admin()))
      expect(approve.status).toBe(400)
      expect(approve.message).toMatch(/no referrer reward in EUR/)
    })

    it("prices offers in the currency the customer shops in, and never averages orders across currencies", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      await anna.me()
      // Cheap, but in USD only; the other costs half an order but works in any currency.
      const cheap = await onlyOffer({ ...FIXED_USD_EUR, name: "Give $1, get $1", referee_value: 1, referee_amounts: null, referrer_value: 1, referrer_amounts: null })
      const half = (
        await api.post(`/admin/referrals/arms`, { name: "Give 50%, get 50% off", referee_type: "percentage", referee_value: 50, referrer_type: "percentage", referrer_value: 50 }, admin())
      ).data.arm

      await anna.checkoutWith(null)
      const ben = await shopper("ben@example.com").register("Ben")
      await ben.checkoutWith(null, undefined, store.eur_region_id)
      const offerOf = async (who: Shopper) =>
        eventually(async () => {
          const { prompt } = await who.me()
          expect(prompt).not.toBeNull()
          return prompt.offer.referee
        }, 30000)
      // The cheaper offer wins where it can be made; a EUR shopper can't be offered a USD-only discount.
      expect(await offerOf(anna)).toMatchObject({ type: "fixed", value: 1, currency_code: "usd" })
      expect(await offerOf(ben)).toMatchObject({ type: "percentage", value: 50 })

      const { data } = await api.get(`/admin/referrals/arms`, admin())
      expect(data.economics).toMatchObject({ currency_code: "usd", average_order_value: 100 })
      expect(data.economics_by_currency).toEqual([
        expect.objectContaining({ currency_code: "eur", average_order_value: 90, expected_margin: 0.3 * 90 }),
        expect.objectContaining({ currency_code: "usd", average_order_value: 100, expected_margin: 0.3 * 100 }),
      ])
      const arm = (id: string) => data.arms.find((a: { id: string }) => a.id === id)
      expect(arm(cheap.id).value_by_currency.eur).toBeNull()
      expect(arm(cheap.id).value_by_currency.usd.expected_cost).toBe(2)
      expect(arm(half.id).value_by_currency.eur.expected_cost).toBeCloseTo(45 + 45, 8)
      expect(arm(half.id).value.expected_cost).toBeCloseTo(50 + 50, 8)
    })

    it("lists a percentage reward code as a percentage, never summed into what the referrer earned", async () => {
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
      const { anna, code } = await referrerOn(
        { name: "Give 10%, get 20% off", referee_type: "percentage", referee_value: 10, referrer_type: "percentage", referrer_value: 20 },
        store.region_id
      )
      const order = await (await shopper("ben@example.com").register("Ben")).checkoutWith(code)
      await eventually(async () => expect((await referralsOf(anna.customer_id!))[0]?.status).toBe("converted"))
      await capturePayment(api, admin(), order.id)
      const { data } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(data.release.issued).toBe(1)

      const me = await anna.me()
      expect(me.rewards).toEqual([expect.objectContaining({ kind: "promotion", amount: 20, percentage: true, status: "issued" })])
      expect(me.stats.rewards_earned).toEqual([])
      expect(me.stats.rewards_held).toEqual([])
    })
  },
})
