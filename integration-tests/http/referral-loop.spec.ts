import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { capturePayment } from "../helpers/payments"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const referralsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}`, admin())).data.referrals
    const setProgram = (changes: Record<string, unknown>) => api.post(`/admin/referrals/program`, changes, admin())

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("runs the loop: code, click, discount at checkout, attribution, release to store credit, cancel clawback", async () => {
      // Released on payment, not delivery: this store ships nothing.
      await setProgram({ reward_hold_days: 0, reward_hold_starts: "order_placed" })
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
      const repeated = await ben.complete(cartId)
      expect(repeated.data).toMatchObject({ type: "order", order: { id: order.id } })

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

      await capturePayment(api, admin(), order.id)
      const { data: release } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(release.release).toEqual({ issued: 1, revoked: 0, skipped: 0, failed: [] })
      expect(await anna.creditBalance()).toBe(10)
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
      expect(await anna.creditBalance()).toBe(0)

      const { data: summary } = await api.get(`/admin/referrals/summary`, admin())
      expect(summary.summary).toEqual({
        codes: 2,
        touches: { click: 1, code_applied: 1, first_order: 1 },
        referrals: { rejected: 1 },
        rejections: { order_canceled: 1 },
        referrer_rewards: [{ status: "revoked", currency_code: "usd", count: 1, amount: 10 }],
        // Ben's first order was a moment (Anna's was not: she never ordered).
        moments: { prompted: 1 },
        prompts: { open: 1 },
      })
    })

    it("shows the admin an order's referral: referrer, arm and held reward, refused attempts, nothing for a plain order", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      const { referral_code } = await anna.me()
      const referred = await (await shopper("ben@example.com").register("Ben")).checkoutWith(referral_code.code)
      await eventually(async () => expect((await referralsOf(anna.customer_id!))[0]?.status).toBe("converted"))

      const { data } = await api.get(`/admin/referrals/orders/${referred.id}`, admin())
      expect(data.referral).toMatchObject({
        order_id: referred.id,
        code: referral_code.code,
        status: "converted",
        referee_email: "ben@example.com",
        referrer: { id: anna.customer_id, email: "anna@example.com", first_name: "Anna", last_name: "Tester" },
        arm: { id: expect.any(String), name: expect.any(String), offer: referral_code.offer },
      })
      const held = data.referral.rewards.find((r: { role: string }) => r.role === "referrer")
      expect(held).toMatchObject({ kind: "store_credit", amount: 10, currency_code: "usd", status: "held" })
      expect(new Date(held.release_at).getTime()).toBeGreaterThan(Date.now())
      expect(data.referral.rewards.find((r: { role: string }) => r.role === "referee")).toMatchObject({
        kind: "discount",
        amount: 10,
        status: "issued",
      })
      expect(data.attempts).toEqual([])

      // Dan has ordered before: his code is refused at the cart, and he checks out without it.
      const dan = await shopper("dan@example.com").register("Dan")
      const plain = await dan.checkoutWith(null)
      expect((await api.get(`/admin/referrals/orders/${plain.id}`, admin())).data).toEqual({ referral: null, attempts: [] })
      const cartId = await dan.createCart()
      expect((await refusal(dan.applyCode(cartId, referral_code.code))).status).toBe(400)
      await dan.pay(cartId)
      const { data: completed } = await dan.complete(cartId)
      const refused = await api.get(`/admin/referrals/orders/${completed.order.id}`, admin())
      expect(refused.data.referral).toBeNull()
      expect(refused.data.attempts).toEqual([
        expect.objectContaining({ code: referral_code.code, status: "rejected", reason: "not_new_customer", cart_id: cartId }),
      ])

      expect(await refusal(api.get(`/admin/referrals/orders/order_missing`, admin()))).toEqual({
        status: 404,
        message: "Order with id order_missing was not found",
      })
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
      expect(holdDays).toBeGreaterThan(29.9)
      expect(holdDays).toBeLessThanOrEqual(30)

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

    describe("refusals", () => {
      const annaWithCode = async () => {
        const anna = await shopper("anna.smith@gmail.com").register("Anna", "Smith", "+1 212 555 0100")
        return { anna, code: (await anna.me()).referral_code.code as string }
      }
      const rejectedReasons = async (customerId: string) =>
        (await referralsOf(customerId)).filter((r: { status: string }) => r.status === "rejected").map((r: { reason: string }) => r.reason)

      it("refuses the referrer's own code, in their account or behind an email alias, and records why", async () => {
        const { anna, code } = await annaWithCode()
        const own = await refusal(anna.applyCode(await anna.createCart(), code))
        expect(own).toEqual({ status: 400, message: "This is your own referral code: share it with a friend instead." })

        const alias = shopper("a.n.n.a.smith+deals@googlemail.com")
        const aliasRefusal = await refusal(alias.applyCode(await alias.createCart(), code))
        expect(aliasRefusal.status).toBe(400)
        expect(await rejectedReasons(anna.customer_id!)).toEqual(["self_referral", "self_referral"])
      })

      it("refuses at checkout an order shipped to the referrer's address or with the referrer's phone", async () => {
        const { anna, code } = await annaWithCode()
        const home = { first_name: "A", last_name: "S", address_1: "12 Elm Street", city: "NYC", postal_code: "10001", country_code: "us" }
        await anna.addAddress(home)
        const friend = await shopper("cleo@example.com").register("Cleo")
        const cartId = await friend.createCart()
        await friend.applyCode(cartId, code)
        await friend.setShippingAddress(cartId, { ...home, first_name: "Cleo", address_1: "12 elm street." })
        await friend.pay(cartId)
        const refused = await refusal(friend.complete(cartId))
        expect(refused).toEqual({
          status: 400,
          message: "This referral code can't be used for an order shipped to the referrer's address.",
        })
        expect(await rejectedReasons(anna.customer_id!)).toEqual(["same_address"])

        const dora = await shopper("dora@example.com").register("Dora")
        const otherCart = await dora.createCart()
        await dora.applyCode(otherCart, code)
        await dora.setShippingAddress(otherCart, {
          first_name: "Dora", last_name: "D", address_1: "1 Other Road", city: "Boston",
          postal_code: "02101", country_code: "us", phone: "(212) 555-0100",
        })
        await dora.pay(otherCart)
        expect(await refusal(dora.complete(otherCart))).toEqual({
          status: 400,
          message: "This referral code can't be used with the referrer's phone number.",
        })
      })

      it("refuses a friend who has ordered before", async () => {
        const { anna, code } = await annaWithCode()
        const dan = await shopper("dan@example.com").register("Dan")
        await dan.checkoutWith(null)
        const refused = await refusal(dan.applyCode(await dan.createCart(), code))
        expect(refused.status).toBe(400)
        expect(refused.message).toMatch(/first order/)
        expect(await rejectedReasons(anna.customer_id!)).toEqual(["not_new_customer"])
      })

      it("refuses a disabled code, and the promotion engine does too", async () => {
        const { anna, code } = await annaWithCode()
        const { data } = await api.get(`/admin/referrals/customers/${anna.customer_id}`, admin())
        await api.post(`/admin/referrals/codes/${data.referral_code.id}`, { status: "disabled" }, admin())
        const eve = await shopper("eve@example.com").register("Eve")
        const refused = await refusal(eve.applyCode(await eve.createCart(), code))
        expect(refused.status).toBe(400)
        const landing = await refusal(api.get(`/store/referrals/codes/${code}`, eve.headers()))
        expect(landing.status).toBe(404)
      })

      it("refuses a referrer over the cap, counting only converted referrals in the window", async () => {
        await setProgram({ referrer_cap: 1 })
        const { anna, code } = await annaWithCode()
        await (await shopper("fay@example.com").register("Fay")).checkoutWith(code)
        await eventually(async () => expect((await referralsOf(anna.customer_id!))[0]?.status).toBe("converted"))

        const gus = await shopper("gus@example.com").register("Gus")
        const refused = await refusal(gus.applyCode(await gus.createCart(), code))
        expect(refused).toEqual({
          status: 400,
          message: "This referral code has reached its limit for now. Ask your friend again later.",
        })
        expect(await rejectedReasons(anna.customer_id!)).toEqual(["referrer_cap_reached"])
      })
    })

    describe("review", () => {
      it("holds conversions for review when the program asks, and the admin approves or rejects them", async () => {
        await setProgram({ require_review: true })
        const anna = await shopper("anna@example.com").register("Anna")
        const { referral_code } = await anna.me()
        await (await shopper("hal@example.com").register("Hal")).checkoutWith(referral_code.code)
        await (await shopper("ida@example.com").register("Ida")).checkoutWith(referral_code.code)
        const inReview = await eventually(async () => {
          const rows = await referralsOf(anna.customer_id!)
          expect(rows.map((r: { status: string }) => r.status)).toEqual(["review", "review"])
          return rows
        })
        expect(inReview[0].rewards.filter((r: { role: string }) => r.role === "referrer")).toEqual([])

        const approved = await api.post(`/admin/referrals/${inReview[0].id}/approve`, {}, admin())
        expect(approved.data.referral.status).toBe("converted")
        expect(approved.data.referral.rewards.find((r: { role: string }) => r.role === "referrer").status).toBe("held")

        const rejected = await api.post(`/admin/referrals/${inReview[1].id}/reject`, { reason: "same household" }, admin())
        expect(rejected.data.referral).toMatchObject({ status: "rejected", reason: "same household" })

        const twice = await refusal(api.post(`/admin/referrals/${inReview[0].id}/approve`, {}, admin()))
        expect(twice.status).toBe(400)
        const { data } = await api.get(`/admin/referrals/${inReview[0].id}`, admin())
        expect(data.referral.rewards.filter((r: { role: string }) => r.role === "referrer")).toHaveLength(1)
      })
    })

    describe("access and validation", () => {
      it("answers 401 without a customer session and shows each customer only their own referrals", async () => {
        const anonymous = await refusal(
          api.get(`/store/referrals/me`, { headers: { "x-publishable-api-key": store.publishable_key } })
        )
        expect(anonymous.status).toBe(401)

        const anna = await shopper("anna@example.com").register("Anna")
        const annaCode = (await anna.me()).referral_code.code
        await (await shopper("jon@example.com").register("Jon")).checkoutWith(annaCode)
        await eventually(async () => expect((await anna.me()).stats.converted).toBe(1))

        const kim = await shopper("kim@example.com").register("Kim")
        const kims = await api.get(`/store/referrals/me?customer_id=${anna.customer_id}`, kim.headers())
        expect(kims.data.referral_code.code).not.toBe(annaCode)
        expect(kims.data.stats.converted).toBe(0)

        const adminOnly = await refusal(api.get(`/admin/referrals`, kim.headers()))
        expect(adminOnly.status).toBe(401)
      })

      it("answers 400 with a message for malformed input and 404 for unknown codes", async () => {
        const pub = { headers: { "x-publishable-api-key": store.publishable_key } }
        for (const body of [{}, { code: 42, visitor_id: "v" }, { code: "ANNA-222222", visitor_id: "v", extra: 1 }]) {
          const refused = await refusal(api.post(`/store/referrals/clicks`, body, pub))
          expect(refused.status).toBe(400)
          expect(refused.message).toEqual(expect.any(String))
        }
        const unknown = await refusal(api.post(`/store/referrals/clicks`, { code: "NOPE-222222", visitor_id: "v" }, pub))
        expect(unknown).toEqual({ status: 404, message: "Referral code NOPE-222222 was not found" })

        for (const changes of [{ referrer_cap: -1 }, { reward_hold_days: "soon" }, { unknown_setting: true }]) {
          expect((await refusal(setProgram(changes))).status).toBe(400)
        }
        const inverted = await refusal(setProgram({ propensity_high_share: 0.8 }))
        expect(inverted).toEqual({
          status: 400,
          message: "propensity_high_share must not exceed propensity_ask_share: the high band is part of who is asked",
        })
        const { data } = await api.get(`/admin/referrals/program`, admin())
        expect(data.program).toMatchObject({ version: 0, referrer_cap: 10, propensity_ask_share: 0.7 })

        expect((await refusal(api.get(`/admin/referrals?status=nonsense`, admin()))).status).toBe(400)
        expect((await refusal(api.get(`/admin/referrals/ref_missing`, admin()))).status).toBe(404)
        expect((await refusal(api.post(`/admin/referrals/ref_missing/approve`, {}, admin()))).status).toBe(404)
      })

      it("saves program settings as new versions", async () => {
        const first = await setProgram({ reward_hold_days: 7 })
        expect(first.data.program).toMatchObject({ version: 1, reward_hold_days: 7, referrer_cap: 10 })
        const second = await setProgram({ referrer_cap: 3 })
        expect(second.data.program).toMatchObject({ version: 2, reward_hold_days: 7, referrer_cap: 3 })
        const { data } = await api.get(`/admin/referrals/arms`, admin())
        expect(data.arms).toEqual([])
      })
    })
  },
})
