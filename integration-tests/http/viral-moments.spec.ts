import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { sendReferralNotificationWorkflow } from "../../src/workflows"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { REFERRAL_MODULE, type IReferralModuleService } from "../../src/types"
import { betaCredibleInterval, betaMean, pooledPosterior } from "../../src/ml/bandit"
import type { AxiosResponse } from "axios"

jest.setTimeout(120 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const momentsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals/moments?customer_id=${customerId}`, admin())).data.moments
    const armStats = async () => (await api.get(`/admin/referrals/arms`, admin())).data.arms
    const promptsOf = (customerId: string) =>
      getContainer().resolve<IReferralModuleService>(REFERRAL_MODULE).listReferralPrompts({ customer_id: customerId })
    /** A checkout of `quantity` mugs (100 USD or 90 EUR each), for an order of a chosen size. */
    const checkoutMugs = async (who: Shopper, quantity: number, region_id = store.region_id) => {
      const { data } = await api.post(
        `/store/carts`,
        { region_id, email: who.email, items: [{ variant_id: store.variant_id, quantity }] },
        who.headers()
      )
      await who.pay(data.cart.id)
      const { data: placed } = await who.complete(data.cart.id)
      expect(placed.type).toBe("order")
      return placed.order
    }

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

      // The moment is recorded before its prompt is written (the message comes first): wait for the prompt.
      const { prompt, referral_code } = await eventually(async () => {
        const me = await anna.me()
        expect(me.prompt).not.toBeNull()
        return me
      })
      expect(prompt).toMatchObject({
        id: moment.prompt_id ?? expect.any(String),
        offer: referral_code.offer,
        message_source: "template",
      })
      expect(prompt.message).toContain(referral_code.code)
      expect(prompt.message).toContain(referral_code.share_url)
      expect(prompt.message).toContain("10%")
      expect(new Date(prompt.expires_at).getTime()).toBeGreaterThan(Date.now() + 29 * 86400000)

      // A glowing review the shopper reports is no moment on its own (an open prompt would stop it anyway).
      const review = await api.post(`/store/referrals/signals`, { type: "review", score: 5 }, anna.headers())
      expect(review.status).toBe(201)
      expect(review.data.moment).toMatchObject({ decision: "suppressed", reason: "self_reported_only", score: 0.5 })
      expect(review.data.prompt_id).toBeNull()
      const lukewarm = await api.post(`/store/referrals/signals`, { type: "nps", score: 6 }, anna.headers())
      expect(lukewarm.data.moment).toMatchObject({ decision: "suppressed", reason: "below_threshold", score: 0 })

      const rows = await momentsOf(anna.customer_id!)
      expect(rows.map((r: { reason: string | null }) => r.reason)).toEqual(["below_threshold", "self_reported_only", null])
      // The prompted moment names the prompt it led to; the suppressed ones name none.
      expect(rows.map((r: { prompt_id: string | null }) => r.prompt_id)).toEqual([null, null, prompt.id])

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

    it("tells first-time buyers apart by their first order against the store's average in its currency, and shows what each context learned", async () => {
      // The store's usual USD orders: 400 each. A guest is never asked, but their orders make the average.
      const guest = shopper("regular-guest@example.com")
      await checkoutMugs(guest, 4)
      await checkoutMugs(guest, 4)
      // A big EUR order: were currencies mixed, the USD average would be 1,375 and 2,000 USD only "typical".
      await checkoutMugs(shopper("euro-guest@example.com"), 30, store.eur_region_id!)

      const lara = await shopper("lara@example.com").register("Lara")
      await checkoutMugs(lara, 20)
      const [laraPrompt] = await eventually(async () => {
        const prompts = await promptsOf(lara.customer_id!)
        expect(prompts).toHaveLength(1)
        return prompts
      })
      // 2,000 against the USD average of (400 + 400 + 2,000) / 3: above 1.5×.
      expect(laraPrompt.context).toMatchObject({ value_tier: "new_large", super_connector: false })
      expect(laraPrompt.context_key).toBe(`${laraPrompt.context.propensity_band}|new_large|0`)
      expect(laraPrompt.sampled).toMatchObject({ currency_code: "usd", order_total: 2000 })
      expect(laraPrompt.sampled!.average_order_value).toBeCloseTo(2800 / 3, 6)

      const sam = await shopper("sam@example.com").register("Sam")
      await checkoutMugs(sam, 1)
      const [samPrompt] = await eventually(async () => {
        const prompts = await promptsOf(sam.customer_id!)
        expect(prompts).toHaveLength(1)
        return prompts
      })
      // 100 against (400 + 400 + 2,000 + 100) / 4 = 725: below 0.75×.
      expect(samPrompt.context).toMatchObject({ value_tier: "new_small", super_connector: false })
      expect(samPrompt.context_key).toBe(`${samPrompt.context.propensity_band}|new_small|0`)
      expect(samPrompt.sampled).toMatchObject({ currency_code: "usd", order_total: 100, average_order_value: 725 })

      // Lara's friend converts with her code: her prompt is converted, but its context learns nothing until the
      // value is final (the reward released after the hold, or revoked; see bandit-value.spec.ts).
      const { referral_code } = await lara.me()
      const ben = await shopper("ben@example.com").register("Ben")
      await ben.checkoutWith(referral_code.code)
      await eventually(async () => expect((await lara.me()).prompt).toBeNull())
      const [arm] = await eventually(async () => {
        const arms = await armStats()
        // Ben's own first order is a moment too: a third pull.
        expect(arms[0].stats).toEqual({ pulls: 3, successes: 0, failures: 0 })
        return arms
      })
      const contexts: { context_key: string; value_tier: string; successes: number; pulls: number }[] = arm.contexts
      const global = { successes: 0, failures: 0 }
      const laraPosterior = pooledPosterior({ successes: 0, failures: 0 }, global)
      expect(contexts.find((c) => c.context_key === laraPrompt.context_key)).toEqual({
        context_key: laraPrompt.context_key,
        propensity_band: laraPrompt.context.propensity_band,
        value_tier: "new_large",
        super_connector: false,
        pulls: 1,
        successes: 0,
        failures: 0,
        mean: expect.closeTo(betaMean(laraPosterior), 10),
        interval: betaCredibleInterval(laraPosterior).map((bound) => expect.closeTo(bound, 10)),
      })
      // Sam's context has a pull and no outcome yet: the overall record carries it.
      const samContext = contexts.find((c) => c.context_key === samPrompt.context_key)!
      expect(samContext).toMatchObject({ value_tier: "new_small", successes: 0, failures: 0 })
      expect(samContext.pulls).toBeGreaterThanOrEqual(1)
      // Only contexts with data are listed, and no returning customer has been asked.
      expect(contexts.reduce((sum, c) => sum + c.pulls, 0)).toBe(3)
      expect(contexts.every((c) => c.value_tier.startsWith("new_"))).toBe(true)
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

    it("converts the prompted referrer's prompt once when the friend converts, however often the order arrives, and credits the arm only when the value is final", async () => {
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
      // Ben's own first order was a moment too: a second pull, still open. Anna's conversion is not
      // counted while her reward is held: the bandit learns its value after the hold (bandit-value.spec.ts).
      expect(arm.stats).toEqual({ pulls: 2, successes: 0, failures: 0 })
      // Posterior Beta(1, 1), the uniform prior: mean 1/2, 95% interval [0.025, 0.975].
      expect(arm.posterior).toMatchObject({ alpha: 1, beta: 1 })
      expect(arm.posterior.mean).toBeCloseTo(1 / 2, 10)
      expect(arm.posterior.ci95[0]).toBeCloseTo(0.025, 8)
      expect(arm.posterior.ci95[1]).toBeCloseTo(0.975, 8)
      // Give 10%, get 10: a conversion costs 10% of the average order plus 10, weighed against a 30% margin.
      const { data: armList } = await api.get(`/admin/referrals/arms`, admin())
      const { average_order_value: aov, expected_margin } = armList.economics
      expect(aov).toBeGreaterThan(0)
      expect(expected_margin).toBeCloseTo(0.3 * aov, 8)
      expect(arm.value.expected_cost).toBeCloseTo(0.1 * aov + 10, 8)
      expect(arm.value.expected_net_value).toBeCloseTo((1 / 2) * (expected_margin - arm.value.expected_cost), 8)
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
      // The default offer is what withdrawn offers fall back to: it can't be withdrawn itself.
      const keptOn = await refusal(api.post(`/admin/referrals/arms/${defaultArm.id}`, { active: false }, admin()))
      expect(keptOn.status).toBe(400)
      expect(keptOn.message).toMatch(/default offer can't be withdrawn/)
      const renamed = await api.post(`/admin/referrals/arms/${defaultArm.id}`, { name: "Old 10%" }, admin())
      expect(renamed.data.arm).toMatchObject({ active: true, name: "Old 10%", referee_value: 10 })
      const deactivated = await api.post(`/admin/referrals/arms/${created.data.arm.id}`, { active: false, name: "Old $12" }, admin())
      expect(deactivated.data.arm).toMatchObject({ active: false, name: "Old $12", referee_value: 12 })
      expect((await refusal(api.post(`/admin/referrals/arms/refarm_missing`, { active: false }, admin()))).status).toBe(404)
    })
    it("asks after a review without error when the store has no notification provider: the email is skipped, nothing fails", async () => {
      // A store that asks after reviews rather than at checkout.
      await api.post(`/admin/referrals/program`, { moment_weights: { first_order: 0.2 } }, admin())
      const kim = await shopper("kim@example.com").register("Kim")
      await kim.checkoutWith(null)
      await eventually(async () => expect(await momentsOf(kim.customer_id!)).toHaveLength(1))
      // The store's review app reports the review it recorded, by its id there.
      const verified = { type: "review", score: 5, customer_id: kim.customer_id, source_id: "rev_kim_1" }
      const review = await api.post(`/admin/referrals/signals`, verified, admin())
      expect(review.data.moment).toMatchObject({ decision: "prompted", reason: null })
      const promptId = review.data.prompt_id as string
      // Sent again (a retried webhook): the same evaluation, no second prompt.
      const replay = await api.post(`/admin/referrals/signals`, verified, admin())
      expect(replay.data).toEqual({ moment: review.data.moment, prompt_id: null })
      expect(await momentsOf(kim.customer_id!)).toHaveLength(2)
      const ben = await shopper("ben@example.com").register("Ben")
      const taken = await refusal(api.post(`/admin/referrals/signals`, { ...verified, customer_id: ben.customer_id }, admin()))
      expect(taken).toEqual({ status: 422, message: "The review rev_kim_1 was already recorded for another customer" })
      expect((await refusal(api.post(`/admin/referrals/signals`, { ...verified, customer_id: "cus_missing" }, admin()))).status).toBe(404)
      expect((await refusal(api.post(`/admin/referrals/signals`, { type: "review", score: 5, customer_id: kim.customer_id }, admin()))).status).toBe(400)
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

    it("does not count prompts made at self-reported moments against the store's daily prompt cap", async () => {
      // Kim was asked after her first order two weeks ago and shared; that prompt has run out.
      const kim = await shopper("kim@example.com").register("Kim")
      await kim.checkoutWith(null)
      const asked = await eventually(async () => {
        const { prompt } = await kim.me()
        expect(prompt).not.toBeNull()
        return prompt
      })
      await api.post(`/store/referrals/me/prompt/${asked.id}/shared`, { channel: "whatsapp" }, kim.headers())
      const twoWeeksAgo = new Date(Date.now() - 15 * 86400000)
      await getContainer()
        .resolve(ContainerRegistrationKeys.PG_CONNECTION)("referral_prompt")
        .where({ id: asked.id })
        .update({ created_at: twoWeeksAgo, expires_at: twoWeeksAgo })
      await api.post(`/admin/referrals/program`, { store_daily_prompt_cap: 1 }, admin())

      // Today her own 5-star review, beside her recent share, is a moment: a self-reported prompt.
      const review = await api.post(`/store/referrals/signals`, { type: "review", score: 5 }, kim.headers())
      expect(review.data.moment).toMatchObject({ decision: "prompted", reason: null })
      const [selfReported] = (await promptsOf(kim.customer_id!)).filter((p) => p.id === review.data.prompt_id)
      expect(selfReported).toMatchObject({ self_reported: true })

      // The store's own moment still asks: the cap of 1 is not used up.
      const lee = await shopper("lee@example.com").register("Lee")
      await lee.checkoutWith(null)
      const [leeMoment] = await eventually(async () => {
        const rows = await momentsOf(lee.customer_id!)
        expect(rows).toHaveLength(1)
        return rows
      })
      expect(leeMoment).toMatchObject({ trigger: "order.placed", decision: "prompted", reason: null })
      await eventually(async () => expect(await promptsOf(lee.customer_id!)).toHaveLength(1))

      // Now it is: the next store-recorded moment is held back by the cap.
      const max = await shopper("max@example.com").register("Max")
      await max.checkoutWith(null)
      const [maxMoment] = await eventually(async () => {
        const rows = await momentsOf(max.customer_id!)
        expect(rows).toHaveLength(1)
        return rows
      })
      expect(maxMoment).toMatchObject({ decision: "suppressed", reason: "store_frequency_cap" })
    })

    it("creates no prompt from a burst of self-reported 5-star reviews, and refuses the burst past the limit", async () => {
      const mallory = await shopper("mallory@example.com").register("Mallory")
      const answers: AxiosResponse[] = []
      for (let i = 0; i < 12; i++) {
        answers.push(await api.post(`/store/referrals/signals`, { type: "review", score: 5 }, { ...mallory.headers(), validateStatus: () => true }))
      }
      // Ten per customer a minute by default, whatever address or visitor id the requests claim.
      expect(answers.map((r) => r.status)).toEqual([...Array(10).fill(201), 429, 429])
      expect(answers[10].data.message).toMatch(/^Too many requests from your account/)
      for (const answer of answers.slice(0, 10)) {
        expect(answer.data).toMatchObject({ moment: { decision: "suppressed", reason: "self_reported_only" }, prompt_id: null })
      }
      expect((await mallory.me()).prompt).toBeNull()
      expect(await getContainer().resolve<IReferralModuleService>(REFERRAL_MODULE).listReferralPrompts({ customer_id: mallory.customer_id })).toEqual([])
    })
  },
})
