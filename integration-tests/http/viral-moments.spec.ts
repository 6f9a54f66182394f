import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendReferralNotificationWorkflow } from "../../src/workflows"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const momentsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals/moments?customer_id=${customerId}`, admin())).data.moments
    const armStats = async () => (await api.get(`/admin/referrals/arms`, admin())).data.arms

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("asks a first-time buyer with a prompt in their account, and says why it does not ask again", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      expect((await anna.me()).prompt).toBeNull()
      const order = await anna.checkoutWith(null)

      const [moment] = await eventually(async () => {
        const rows = await momentsOf(anna.customer_id!)
        expect(rows).toHaveLength(1)
        return rows
      })
      expect(moment).toMatchObject({
        trigger: "order.placed",
        trigger_id: order.id,
        decision: "prompted",
        reason: null,
        propensity_band: "medium",
      })
      expect(moment.signals.fired).toEqual(["first_order"])
      expect(moment.score).toBeCloseTo(0.5)

      const { prompt, referral_code } = await anna.me()
      expect(prompt).toMatchObject({
        id: moment.prompt_id ?? expect.any(String),
        offer: referral_code.offer,
        message_source: "template",
      })
      expect(prompt.message).toContain(referral_code.code)
      expect(prompt.message).toContain(referral_code.share_url)
      expect(prompt.message).toContain("10%")
      expect(new Date(prompt.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * 86400000)

      // A glowing review right away is a moment too, but an open prompt already asks.
      const review = await api.post(`/store/referrals/signals`, { type: "review", score: 5 }, anna.headers())
      expect(review.status).toBe(201)
      expect(review.data.moment).toMatchObject({ decision: "suppressed", reason: "open_prompt", score: 0.5 })
      expect(review.data.prompt_id).toBeNull()
      const lukewarm = await api.post(`/store/referrals/signals`, { type: "nps", score: 6 }, anna.headers())
      expect(lukewarm.data.moment).toMatchObject({ decision: "suppressed", reason: "below_threshold", score: 0 })

      const rows = await momentsOf(anna.customer_id!)
      expect(rows.map((r: { reason: string | null }) => r.reason)).toEqual(["below_threshold", "open_prompt", null])

      // The same order event again evaluates nothing new.
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.placed", data: { id: order.id } }])
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await momentsOf(anna.customer_id!)).toHaveLength(3)

      const shown = await api.post(`/store/referrals/me/prompt/${prompt.id}/shown`, {}, anna.headers())
      expect(shown.status).toBe(201)
      const shared = await api.post(`/store/referrals/me/prompt/${prompt.id}/shared`, { channel: "whatsapp" }, anna.headers())
      expect(shared.status).toBe(201)
      expect((await refusal(api.post(`/store/referrals/me/prompt/${prompt.id}/shared`, { channel: "pigeon" }, anna.headers()))).status).toBe(400)
      const ben = await shopper("ben@example.com").register("Ben")
      expect((await refusal(api.post(`/store/referrals/me/prompt/${prompt.id}/shown`, {}, ben.headers()))).status).toBe(404)
      expect((await refusal(api.post(`/store/referrals/signals`, { type: "nps", score: 11 }, ben.headers()))).status).toBe(400)
      expect((await refusal(api.post(`/store/referrals/signals`, { type: "review", score: 5 }, { headers: { "x-publishable-api-key": store.publishable_key } }))).status).toBe(401)

      const { data: summary } = await api.get(`/admin/referrals/summary`, admin())
      expect(summary.summary.touches).toMatchObject({ prompt_shown: 1, share: 1 })
    })

    it("does not ask a customer without an account", async () => {
      const guest = shopper("guest@example.com")
      const order = await guest.checkoutWith(null)
      const { data } = await eventually(async () => {
        const response = await api.get(`/admin/referrals/moments?trigger=order.placed`, admin())
        expect(response.data.moments.find((m: { trigger_id: string }) => m.trigger_id === order.id)).toBeDefined()
        return response
      })
      expect(data.moments.find((m: { trigger_id: string }) => m.trigger_id === order.id)).toMatchObject({
        decision: "suppressed",
        reason: "no_account",
      })
    })

    it("credits the arm's posterior once when the prompted referrer's friend converts, however often the order arrives", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      await anna.checkoutWith(null)
      const prompt = await eventually(async () => {
        const { prompt } = await anna.me()
        expect(prompt).not.toBeNull()
        return prompt
      })
      const [defaultArm] = await armStats()
      expect(defaultArm.stats).toEqual({ pulls: 1, successes: 0, failures: 0 })

      const { referral_code } = await anna.me()
      const ben = await shopper("ben@example.com").register("Ben")
      const order = await ben.checkoutWith(referral_code.code)
      await eventually(async () => expect((await anna.me()).prompt).toBeNull())

      await getContainer().resolve(Modules.EVENT_BUS).emit([
        { name: "order.placed", data: { id: order.id } },
        { name: "order.placed", data: { id: order.id } },
      ])
      await new Promise((resolve) => setTimeout(resolve, 1500))

      const [arm] = await armStats()
      // Ben's own first order was a moment too: a second pull, still open.
      expect(arm.stats).toEqual({ pulls: 2, successes: 1, failures: 0 })
      // Posterior Beta(1 + 1, 1 + 0): mean 2/3; its CDF is x², so the 95% interval is [√0.025, √0.975].
      expect(arm.posterior).toMatchObject({ alpha: 2, beta: 1 })
      expect(arm.posterior.mean).toBeCloseTo(2 / 3, 10)
      expect(arm.posterior.ci95[0]).toBeCloseTo(Math.sqrt(0.025), 8)
      expect(arm.posterior.ci95[1]).toBeCloseTo(Math.sqrt(0.975), 8)
      // Give 10%, get 10: a conversion costs 10% of the average order plus 10, weighed against a 30% margin.
      const { data: armList } = await api.get(`/admin/referrals/arms`, admin())
      const { average_order_value: aov, expected_margin } = armList.economics
      expect(aov).toBeGreaterThan(0)
      expect(expected_margin).toBeCloseTo(0.3 * aov, 8)
      expect(arm.value.expected_cost).toBeCloseTo(0.1 * aov + 10, 8)
      expect(arm.value.expected_net_value).toBeCloseTo((2 / 3) * (expected_margin - arm.value.expected_cost), 8)
      const { data } = await api.get(`/admin/referrals?referrer_customer_id=${anna.customer_id}`, admin())
      expect(data.referrals[0]).toMatchObject({ status: "converted", arm_id: arm.id })
      expect(prompt.offer.referee).toEqual({ type: "percentage", value: 10, currency_code: null })
    })

    it("manages arms with validation, and keeps an offered arm's amounts", async () => {
      const created = await api.post(
        `/admin/referrals/arms`,
        {
          name: "Give $15, get $15",
          referee_type: "fixed",
          referee_value: 15,
          referee_currency_code: "USD",
          referrer_type: "store_credit",
          referrer_value: 15,
        },
        admin()
      )
      expect(created.status).toBe(201)
      expect(created.data.arm).toMatchObject({ referee_currency_code: "usd", active: true, is_default: false })

      for (const body of [
        { name: "x", referee_type: "percentage", referee_value: 150, referrer_type: "store_credit", referrer_value: 5 },
        { name: "x", referee_type: "fixed", referee_value: 5, referrer_type: "store_credit", referrer_value: 5 },
        { name: "x", referee_type: "percentage", referee_value: 10, referrer_type: "store_credit", referrer_value: -1 },
        { name: "x", referee_type: "percentage", referee_value: 10, referrer_type: "cash", referrer_value: 5 },
        { referee_type: "percentage", referee_value: 10, referrer_type: "store_credit", referrer_value: 5, extra: true },
      ]) {
        const refused = await refusal(api.post(`/admin/referrals/arms`, body, admin()))
        expect(refused.status).toBe(400)
        expect(refused.message).toEqual(expect.any(String))
      }

      const editedUnused = await api.post(`/admin/referrals/arms/${created.data.arm.id}`, { referee_value: 12 }, admin())
      expect(editedUnused.data.arm.referee_value).toBe(12)

      // The default arm has been offered (Anna's code carries it).
      const anna = await shopper("anna@example.com").register("Anna")
      await anna.me()
      const defaultArm = (await armStats()).find((a: { is_default: boolean }) => a.is_default)
      const refused = await refusal(api.post(`/admin/referrals/arms/${defaultArm.id}`, { referee_value: 20 }, admin()))
      expect(refused.status).toBe(400)
      expect(refused.message).toMatch(/create a new arm/)
      const deactivated = await api.post(`/admin/referrals/arms/${defaultArm.id}`, { active: false, name: "Old 10%" }, admin())
      expect(deactivated.data.arm).toMatchObject({ active: false, name: "Old 10%", referee_value: 10 })
      expect((await refusal(api.post(`/admin/referrals/arms/refarm_missing`, { active: false }, admin()))).status).toBe(404)
    })
    it("asks after a review without error when the store has no notification provider: the email is skipped, nothing fails", async () => {
      // A store that asks after reviews rather than at checkout.
      await api.post(`/admin/referrals/program`, { moment_weights: { first_order: 0.2 } }, admin())
      const kim = await shopper("kim@example.com").register("Kim")
      await kim.checkoutWith(null)
      await eventually(async () => expect(await momentsOf(kim.customer_id!)).toHaveLength(1))
      const review = await api.post(`/store/referrals/signals`, { type: "review", score: 5 }, kim.headers())
      expect(review.data.moment).toMatchObject({ decision: "prompted", reason: null })
      const promptId = review.data.prompt_id as string
      // What the prompt's subscriber runs: the ask is skipped, with the reason, not thrown.
      const { result } = await sendReferralNotificationWorkflow(getContainer()).run({ input: { kind: "ask", id: promptId } })
      expect(result).toEqual({ sent: [], skipped: [{ kind: "ask", reason: "no_provider" }] })
      // No failed notification is left in Medusa's table for the store to wonder about.
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({ entity: "notification", fields: ["id"], filters: { receiver_id: kim.customer_id } })
      expect(data).toHaveLength(0)
      expect((await kim.me()).prompt).toMatchObject({ id: promptId })
    })
  },
})
