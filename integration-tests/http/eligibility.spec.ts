import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { INVALID_CODE_MESSAGE, REFUSALS } from "../../src/rules/referral-rules"
import { MAX_PROMOTION_CODES_PER_REQUEST } from "../../src/api/utils/limit-promotion-codes"
import { RATE_LIMIT_DEFAULTS } from "../../src/utils/rate-limit-options"
import { ReferralEvents } from "../../src/utils/events"

jest.setTimeout(180 * 1000)

/** A shopper whose requests come from a given public address (Medusa trusts one proxy hop). */
class ShopperAt extends Shopper {
  constructor(api: AxiosInstance, store: SeededStore, email: string, private readonly ip: string) {
    super(api, store, email)
  }

  headers(extra: Record<string, string> = {}) {
    return super.headers({ "x-forwarded-for": this.ip, ...extra })
  }
}

type Referral = { id: string; status: string; reason: string | null; referee_email: string | null; order_id: string | null }

const house = { first_name: "B", last_name: "T", address_1: "5 Oak Lane", city: "NYC", postal_code: "10001", country_code: "us" }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string, ip = "198.51.100.1") => new ShopperAt(api, store, email, ip)
    const setProgram = (changes: Record<string, unknown>) => api.post(`/admin/referrals/program`, changes, admin())
    const referralsOf = async (customerId: string): Promise<Referral[]> =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}&order=created_at`, admin())).data.referrals
    const referrerWithCode = async (email: string, name: string) => {
      const referrer = await shopper(email).register(name)
      return { referrer, code: (await referrer.me()).referral_code.code as string }
    }
    /** The referrer's only referral once it has left `pending`. */
    const decided = (customerId: string) =>
      eventually(async () => {
        const [row, ...others] = await referralsOf(customerId)
        expect(others).toEqual([])
        expect(row).toBeDefined()
        expect(row.status).not.toBe("pending")
        return row
      }, 20000)
    /** The plugin's attribution subscriber, detached to deliver `order.placed` late. */
    const attributionListener = () => {
      const emitter = (getContainer().resolve(Modules.EVENT_BUS) as unknown as { eventEmitter_: NodeJS.EventEmitter })
        .eventEmitter_
      const listener = emitter
        .listeners("order.placed")
        .find((l) => (l as { subscriberId?: string }).subscriberId === "smart-referrals-order-placed") as (...args: unknown[]) => void
      return { detach: () => emitter.off("order.placed", listener), attach: () => emitter.on("order.placed", listener) }
    }

    /** An order the admin creates from a draft order with a promotion code, skipping the storefront's checkout. */
    const adminOrder = async (email: string, code: string): Promise<{ id: string }> => {
      const { data: draft } = await api.post(
        `/admin/draft-orders`,
        { region_id: store.region_id, email, items: [{ variant_id: store.variant_id, quantity: 1 }], promo_codes: [code] },
        admin()
      )
      const { data } = await api.post(`/admin/draft-orders/${draft.draft_order.id}/convert-to-order`, {}, admin())
      return data.order
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    describe("new customers only compares normalised identities", () => {
      it("refuses a repeat buyer behind a Gmail alias, at the same shipping address, or with the same phone", async () => {
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        await (await shopper("bob@gmail.com").register("Bob")).checkoutWith(null)
        const alias = await shopper("b.o.b+x@gmail.com").register("Bobby")
        expect(await refusal(alias.applyCode(await alias.createCart(), code))).toEqual({
          status: 400,
          message: REFUSALS.not_new_customer,
        })

        await (await shopper("carl@example.com").register("Carl")).checkoutWith(null, house)
        const sameHouse = await shopper("dina@example.com").register("Dina")
        const houseCart = await sameHouse.createCart()
        await sameHouse.applyCode(houseCart, code)
        await sameHouse.setShippingAddress(houseCart, { ...house, first_name: "Dina", address_1: "5 oak lane." })
        await sameHouse.pay(houseCart)
        expect(await refusal(sameHouse.complete(houseCart))).toEqual({ status: 400, message: REFUSALS.not_new_customer })

        const phone = "+1 (646) 555-0199"
        await (await shopper("evan@example.com").register("Evan")).checkoutWith(null, { ...house, address_1: "9 Pine Road", phone })
        const samePhone = await shopper("fay@example.com").register("Fay")
        const phoneCart = await samePhone.createCart({ ...house, address_1: "77 Birch Avenue", phone: "6465550199" })
        expect(await refusal(samePhone.applyCode(phoneCart, code))).toEqual({ status: 400, message: REFUSALS.not_new_customer })

        const reasons = (await referralsOf(referrer.customer_id!)).map((r) => [r.referee_email, r.status, r.reason])
        expect(reasons).toEqual([
          ["bob@gmail.com", "rejected", "not_new_customer"],
          ["dina@example.com", "rejected", "not_new_customer"],
          ["fay@example.com", "rejected", "not_new_customer"],
        ])
      })

      it("checks an order an admin created, which skipped the checkout hook, against the same rules at conversion", async () => {
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const ben = await shopper("ben@example.com").register("Ben")
        await ben.checkoutWith(null)

        const order = await adminOrder("ben+again@example.com", code)

        expect(await decided(referrer.customer_id!)).toMatchObject({
          status: "rejected",
          reason: "not_new_customer",
          order_id: order.id,
        })
      })

      it("refuses an order placed while the program was off, as the checkout would have, even when it converts after the program is back on", async () => {
        const carl = await referrerWithCode("carl@example.com", "Carl")
        await setProgram({ enabled: false })

        // Off, the storefront refuses every code. The code's promotion is off too, but an admin can switch it
        // on again in Medusa's own promotions page, and a draft order then takes the code.
        const dora = await shopper("dora@example.com").register("Dora")
        expect(await refusal(dora.applyCode(await dora.createCart(), carl.code))).toEqual({
          status: 400,
          message: REFUSALS.program_disabled,
        })
        // The switch reaches the promotions on the worker: wait for it before switching this one back on by hand.
        const promotions = await eventually(async () => {
          const { data } = await api.get(`/admin/promotions?code=${carl.code}`, admin())
          expect(data.promotions[0].status).toBe("inactive")
          return data
        })
        await api.post(`/admin/promotions/${promotions.promotions[0].id}`, { status: "active" }, admin())
        const attribution = attributionListener()
        attribution.detach()
        let whileOff: { id: string }
        try {
          whileOff = await adminOrder("erin@example.com", carl.code)
        } finally {
          attribution.attach()
        }

        // The conversion runs once the program is on again, and judges by the settings in force at the order.
        await setProgram({ enabled: true })
        await getContainer()
          .resolve(Modules.EVENT_BUS)
          .emit([{ name: "order.placed", data: { id: whileOff.id } }])
        await eventually(async () => {
          const rows = await referralsOf(carl.referrer.customer_id!)
          expect(rows.map((r) => [r.referee_email, r.status, r.reason, r.order_id])).toEqual([
            ["dora@example.com", "rejected", "program_disabled", null],
            ["erin@example.com", "rejected", "program_disabled", whileOff.id],
          ])
        }, 20000)

        // An order placed once it is on again converts.
        const fay = await shopper("fay@example.com").register("Fay")
        const onAgain = await fay.checkoutWith(carl.code)
        await eventually(async () => {
          const rows = await referralsOf(carl.referrer.customer_id!)
          expect(rows.find((r) => r.order_id === onAgain.id)?.status).toBe("converted")
        }, 20000)
        const { data } = await api.get(`/admin/referrals/summary`, admin())
        expect(data.summary.touches.first_order).toBe(1)
      })

      it("converts nothing when order.placed arrives for an order already canceled", async () => {
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const attribution = attributionListener()
        attribution.detach()
        let order: { id: string }
        try {
          order = await (await shopper("ben@example.com").register("Ben")).checkoutWith(code)
          await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
        } finally {
          attribution.attach()
        }
        await getContainer()
          .resolve(Modules.EVENT_BUS)
          .emit([{ name: "order.placed", data: { id: order.id } }])

        expect(await decided(referrer.customer_id!)).toMatchObject({ status: "rejected", reason: "order_canceled" })
        const { data } = await api.get(`/admin/referrals/summary`, admin())
        expect(data.summary.touches.first_order).toBeUndefined()
        expect(data.summary.referrer_rewards).toEqual([])
      })
    })

    it("converts one referral for a friend who completes two carts at once with two referrers' codes", async () => {
      // Even where repeat buyers may redeem, one friend is one referral.
      await setProgram({ new_customers_only: false })
      const anna = await referrerWithCode("anna@example.com", "Anna")
      const carl = await referrerWithCode("carl@example.com", "Carl")
      const ben = await shopper("ben@example.com").register("Ben")
      const carts: string[] = []
      for (const code of [anna.code, carl.code]) {
        const cartId = await ben.createCart()
        await ben.applyCode(cartId, code)
        await ben.pay(cartId)
        carts.push(cartId)
      }
      const completed = await Promise.all(carts.map((cartId) => ben.complete(cartId)))
      expect(completed.map((r) => r.data.type)).toEqual(["order", "order"])

      const outcomes = [await decided(anna.referrer.customer_id!), await decided(carl.referrer.customer_id!)]
      expect(outcomes.map((r) => r.status).sort()).toEqual(["converted", "rejected"])
      expect(outcomes.find((r) => r.status === "rejected")?.reason).toBe("friend_already_referred")
    })

    it("emits referral.converted once for a real conversion, review_required for a flagged one, converted on approval", async () => {
      const heard: { name: string; id: string }[] = []
      const eventBus = getContainer().resolve(Modules.EVENT_BUS)
      for (const name of [ReferralEvents.CONVERTED, ReferralEvents.REVIEW_REQUIRED]) {
        eventBus.subscribe(name, async (event) => {
          heard.push({ name, id: (event.data as { id: string }).id })
        }, { subscriberId: `eligibility-spec-${name}` })
      }
      const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
      const plain = await (await shopper("ben@example.com").register("Ben")).checkoutWith(code)
      const clean = await decided(referrer.customer_id!)
      await eventBus.emit([{ name: "order.placed", data: { id: plain.id } }])

      const other = await referrerWithCode("hal@example.com", "Hal")
      await (await shopper("ivy@mailinator.com").register("Ivy")).checkoutWith(other.code)
      const flagged = await decided(other.referrer.customer_id!)
      expect(flagged.status).toBe("review")
      await eventually(async () =>
        expect(heard).toEqual([
          { name: ReferralEvents.CONVERTED, id: clean.id },
          { name: ReferralEvents.REVIEW_REQUIRED, id: flagged.id },
        ])
      )

      await api.post(`/admin/referrals/${flagged.id}/approve`, {}, admin())
      await eventually(async () => expect(heard.slice(2)).toEqual([{ name: ReferralEvents.CONVERTED, id: flagged.id }]))
      expect(heard).toHaveLength(3)
    })

    describe("POST /store/carts/:id/promotions cannot test codes in bulk", () => {
      it(`refuses more than ${MAX_PROMOTION_CODES_PER_REQUEST} codes per request`, async () => {
        const { code } = await referrerWithCode("anna@example.com", "Anna")
        const ben = await shopper("ben@example.com", "203.0.113.21").register("Ben")
        const cartId = await ben.createCart()
        const refused = await refusal(
          api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code, "A-1", "B-2", "C-3"] }, ben.headers())
        )
        expect(refused).toEqual({ status: 400, message: "Enter at most 3 promotion codes at a time." })
        expect((await ben.applyCode(cartId, code)).data.cart.discount_total).toBe(10)
      })

      it("answers an unknown code and a disabled referral code with the same refusal", async () => {
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const { data } = await api.get(`/admin/referrals/customers/${referrer.customer_id}`, admin())
        await api.post(`/admin/referrals/codes/${data.referral_code.id}`, { status: "disabled" }, admin())
        const ben = await shopper("ben@example.com", "203.0.113.22").register("Ben")
        const cartId = await ben.createCart()
        expect(await refusal(ben.applyCode(cartId, "ANNA-ZZZZZZ"))).toEqual({ status: 400, message: INVALID_CODE_MESSAGE })
        expect(await refusal(ben.applyCode(cartId, code))).toEqual({ status: 400, message: INVALID_CODE_MESSAGE })
      })

      it("answers 429 past the refusals allowed per customer and per address, and not to others", async () => {
        const limit = RATE_LIMIT_DEFAULTS.refusal_points
        const guesser = await shopper("gus@example.com", "203.0.113.30").register("Gus")
        const cartId = await guesser.createCart()
        const statuses: number[] = []
        for (let i = 0; i <= limit; i++) {
          statuses.push((await refusal(guesser.applyCode(cartId, `GUESS-${i}`))).status)
        }
        expect(statuses).toEqual([...Array(limit).fill(400), 429])
        const limited = await guesser.applyCode(cartId, "GUESS-X").catch((e) => e.response)
        expect(Number(limited.headers["retry-after"])).toBeGreaterThanOrEqual(1)
        expect(limited.data.message).toMatch(/^Too many codes refused; try again in \d+ seconds\.$/)

        // The same customer from another address, and another customer from the same address, are held too.
        const roaming = shopper("gus@example.com", "203.0.113.31")
        roaming.token = guesser.token
        expect((await refusal(roaming.applyCode(await roaming.createCart(), "GUESS-Y"))).status).toBe(429)
        const neighbour = await shopper("hana@example.com", "203.0.113.30").register("Hana")
        expect((await refusal(neighbour.applyCode(await neighbour.createCart(), "GUESS-Z"))).status).toBe(429)
        const stranger = await shopper("ivo@example.com", "203.0.113.32").register("Ivo")
        expect((await refusal(stranger.applyCode(await stranger.createCart(), "GUESS-Z"))).status).toBe(400)
      })
    })

    it("counts a code as applied only once Medusa accepted it: a wrongly cased code is neither in the funnel nor a referral", async () => {
      const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
      const ben = await shopper("ben@example.com", "203.0.113.40").register("Ben")
      const cartId = await ben.createCart()
      expect((await refusal(ben.applyCode(cartId, code.toLowerCase()))).status).toBe(400)
      expect(await referralsOf(referrer.customer_id!)).toEqual([])
      const before = (await api.get(`/admin/referrals/summary`, admin())).data.summary
      expect(before.touches.code_applied).toBeUndefined()

      expect((await ben.applyCode(cartId, code)).data.cart.discount_total).toBe(10)
      expect((await referralsOf(referrer.customer_id!)).map((r) => r.status)).toEqual(["pending"])
      expect((await api.get(`/admin/referrals/summary`, admin())).data.summary.touches.code_applied).toBe(1)
    })

    it("counts a code as applied only once it is accepted: one refused for a currency its fixed offer does not list is a refused attempt, in neither the funnel nor the velocity rule", async () => {
      // One referral per address is all this store lets through without review.
      await setProgram({ ip_velocity_max: 1 })
      // The store's only offer: 15 USD off, listed in no other currency.
      const { data } = await api.post(
        `/admin/referrals/arms`,
        {
          name: "Give 15 USD, get 10 USD",
          referee_type: "fixed",
          referee_value: 15,
          referee_currency_code: "usd",
          referrer_type: "store_credit",
          referrer_value: 10,
          referrer_currency_code: "usd",
        },
        admin()
      )
      await api.post(`/admin/referrals/arms/${data.arm.id}`, { is_default: true }, admin())
      for (const arm of (await api.get(`/admin/referrals/arms`, admin())).data.arms) {
        if (arm.id !== data.arm.id && arm.active) {
          await api.post(`/admin/referrals/arms/${arm.id}`, { active: false }, admin())
        }
      }
      const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
      expect((await referrer.me()).referral_code.offer.referee).toMatchObject({ type: "fixed", value: 15, currency_code: "usd" })

      const ben = await shopper("ben@example.com", "203.0.113.41").register("Ben")
      const eurCart = await ben.createCart(undefined, store.eur_region_id)
      expect(await refusal(ben.applyCode(eurCart, code))).toEqual({ status: 400, message: REFUSALS.currency_not_offered })
      expect((await api.get(`/store/carts/${eurCart}`, ben.headers())).data.cart.promotions).toEqual([])
      expect((await referralsOf(referrer.customer_id!)).map((r) => [r.status, r.reason])).toEqual([
        ["rejected", "currency_not_offered"],
      ])
      expect((await api.get(`/admin/referrals/summary`, admin())).data.summary.touches.code_applied).toBeUndefined()

      // In dollars the code is accepted, and only then counted.
      const usdCart = await ben.createCart()
      expect((await ben.applyCode(usdCart, code)).data.cart.discount_total).toBe(15)
      expect((await referralsOf(referrer.customer_id!)).map((r) => [r.status, r.reason])).toEqual([
        ["rejected", "currency_not_offered"],
        ["pending", null],
      ])
      expect((await api.get(`/admin/referrals/summary`, admin())).data.summary.touches.code_applied).toBe(1)

      // His order is the one referral from his address: the refused attempt does not make it look like two.
      await ben.pay(usdCart)
      expect((await ben.complete(usdCart)).data.type).toBe("order")
      await eventually(async () => {
        const rows = await referralsOf(referrer.customer_id!)
        expect(rows.map((r) => [r.status, r.reason])).toEqual([
          ["rejected", "currency_not_offered"],
          ["converted", null],
        ])
      }, 20000)
    })
  },
})
