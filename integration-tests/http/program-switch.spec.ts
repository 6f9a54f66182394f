import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { REFUSALS } from "../../src/rules/referral-rules"

jest.setTimeout(240 * 1000)

/**
 * The program switch reaches Medusa's promotion engine: switched off, every
 * referral code's promotions are inactive, so a code applied without the
 * plugin's checks (an admin's draft order, a cart refreshed later) gives no
 * discount; switched on, those of codes still active give it again, while
 * codes disabled by an admin or erased stay off.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const setProgram = (changes: Record<string, unknown>) => api.post(`/admin/referrals/program`, changes, admin())
    const referrer = async (email: string, name: string) => {
      const customer = await shopper(email).register(name)
      const code = (await customer.me()).referral_code.code as string
      const { data } = await api.get(`/admin/referrals/customers/${customer.customer_id}`, admin())
      return { customer, code, code_id: data.referral_code.id as string }
    }
    /** The status of the Medusa promotion with this code, as Medusa's admin promotions API answers it. */
    const promotionStatus = async (code: string) => {
      const { data } = await api.get(`/admin/promotions?code=${code}`, admin())
      expect(data.promotions).toHaveLength(1)
      return data.promotions[0].status as string
    }
    /** A code's own promotion and its EUR promotion. */
    const statuses = async (code: string) => [await promotionStatus(code), await promotionStatus(`${code}-EUR`)]
    const cartDiscount = async (who: Shopper, cartId: string) =>
      (await api.get(`/store/carts/${cartId}`, who.headers())).data.cart.discount_total as number

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("switches every code's promotions off with the program and back on, except those of codes disabled or erased", async () => {
      // A fixed friend discount in USD and EUR: each code has its own promotion and a EUR one.
      const { data: offer } = await api.post(
        `/admin/referrals/arms`,
        {
          name: "Give 15 USD / 14 EUR, get 10 USD",
          referee_type: "fixed",
          referee_value: 15,
          referee_currency_code: "usd",
          referee_amounts: { eur: 14 },
          referrer_type: "store_credit",
          referrer_value: 10,
          referrer_currency_code: "usd",
        },
        admin()
      )
      await api.post(`/admin/referrals/arms/${offer.arm.id}`, { is_default: true }, admin())

      const anna = await referrer("anna@example.com", "Anna")
      const bea = await referrer("bea@example.com", "Bea")
      const cleo = await referrer("cleo@example.com", "Cleo")
      expect(await statuses(anna.code)).toEqual(["active", "active"])

      // A cart that took Anna's code while the program was on.
      const ben = await shopper("ben@example.com").register("Ben")
      const openCart = await ben.createCart()
      expect((await ben.applyCode(openCart, anna.code)).data.cart.discount_total).toBe(15)

      // Bea's code is disabled by an admin, Cleo is erased: their promotions go off at once.
      await api.post(`/admin/referrals/codes/${bea.code_id}`, { status: "disabled" }, admin())
      await api.post(`/admin/referrals/customers/${cleo.customer.customer_id}/erase`, {}, admin())
      expect(await statuses(bea.code)).toEqual(["inactive", "inactive"])
      expect(await statuses(cleo.code)).toEqual(["inactive", "inactive"])

      // Off: every code's promotions are inactive, and switching off again changes nothing.
      // Off: the settings answer at once, the promotions follow on the worker.
      expect((await setProgram({ enabled: false })).data.program.enabled).toBe(false)
      await eventually(async () => expect(await statuses(anna.code)).toEqual(["inactive", "inactive"]))
      // Switched back on by hand in Medusa's promotions page, Anna's promotion is repaired by naming the switch again.
      const { data: annaPromotion } = await api.get(`/admin/promotions?code=${anna.code}`, admin())
      await api.post(`/admin/promotions/${annaPromotion.promotions[0].id}`, { status: "active" }, admin())
      expect((await setProgram({ enabled: false })).status).toBe(200)
      await eventually(async () => expect(await statuses(anna.code)).toEqual(["inactive", "inactive"]))

      // Medusa's promotion engine gives no discount: the open cart loses it at its next refresh,
      const refreshed = await ben.setShippingAddress(openCart, { first_name: "Ben", address_1: "1 Elm St", city: "NYC", country_code: "us", postal_code: "10001" })
      expect(refreshed.data.cart.discount_total).toBe(0)
      // a new cart is refused by the plugin and by the engine alike,
      const dan = await shopper("dan@example.com").register("Dan")
      const newCart = await dan.createCart()
      expect(await refusal(dan.applyCode(newCart, anna.code))).toEqual({ status: 400, message: REFUSALS.program_disabled })
      expect(await cartDiscount(dan, newCart)).toBe(0)
      // and an admin's draft order, which skips the plugin's checks, gets none either.
      const { data: draft } = await api.post(
        `/admin/draft-orders`,
        { region_id: store.region_id, email: "erin@example.com", items: [{ variant_id: store.variant_id, quantity: 1 }], promo_codes: [anna.code] },
        admin()
      )
      const { data: drafted } = await api.get(`/admin/draft-orders/${draft.draft_order.id}?fields=id,total,discount_total`, admin())
      expect(drafted.draft_order).toMatchObject({ discount_total: 0, total: 100 })

      // A customer who signs up while the program is off gets a code whose promotions are off.
      const fay = await referrer("fay@example.com", "Fay")
      expect(await statuses(fay.code)).toEqual(["inactive", "inactive"])

      // Enabling Bea's code while the program is off leaves its promotions off.
      await api.post(`/admin/referrals/codes/${bea.code_id}`, { status: "active" }, admin())
      expect(await statuses(bea.code)).toEqual(["inactive", "inactive"])
      await api.post(`/admin/referrals/codes/${bea.code_id}`, { status: "disabled" }, admin())

      // On again: active codes give the discount again, in both currencies; Bea's and Cleo's stay off.
      expect((await setProgram({ enabled: true })).data.program.enabled).toBe(true)
      await eventually(async () => expect(await statuses(anna.code)).toEqual(["active", "active"]))
      expect(await statuses(fay.code)).toEqual(["active", "active"])
      expect(await statuses(bea.code)).toEqual(["inactive", "inactive"])
      expect(await statuses(cleo.code)).toEqual(["inactive", "inactive"])
      expect((await dan.applyCode(newCart, anna.code)).data.cart.discount_total).toBe(15)
      const eurCart = await dan.createCart(undefined, store.eur_region_id)
      expect((await dan.applyCode(eurCart, fay.code)).data.cart.discount_total).toBe(14)

      // Enabled by the admin now, Bea's code gets both promotions back.
      await api.post(`/admin/referrals/codes/${bea.code_id}`, { status: "active" }, admin())
      expect(await statuses(bea.code)).toEqual(["active", "active"])

      // Off and at once on again: however the two syncs interleave, the promotions end as the last switch says.
      await setProgram({ enabled: false })
      await setProgram({ enabled: true })
      await eventually(async () => {
        for (const code of [anna.code, bea.code, fay.code]) expect(await statuses(code)).toEqual(["active", "active"])
      })
      expect(await statuses(cleo.code)).toEqual(["inactive", "inactive"])
    })
  },
})
