import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { assignVariant } from "../../src/ml/stats"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"

jest.setTimeout(240 * 1000)

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const post = (path: string, body: unknown) => api.post(path, body, admin()).catch((e: any) => e.response)
    const momentsOf = async (customerId: string) =>
      (await api.get(`/admin/referrals/moments?customer_id=${customerId}`, admin())).data.moments

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("assigns customers stickily, never asks the holdout, and reports results against control", async () => {
      const created = await post(`/admin/referrals/experiments`, {
        name: "Does asking pay?",
        dimension: "policy",
        control_key: "holdout",
        variants: [
          { key: "bandit", kind: "bandit" },
          { key: "holdout", kind: "holdout" },
        ],
      })
      expect(created.status).toBe(201)
      const experiment = created.data.experiment
      expect(experiment.variants).toHaveLength(2)

      const second = await post(`/admin/referrals/experiments`, {
        name: "Another",
        dimension: "policy",
        control_key: "a",
        variants: [
          { key: "a", kind: "bandit" },
          { key: "b", kind: "holdout" },
        ],
      })
      expect(second.status).toBe(400)
      expect(second.data.message).toMatch(/is running; stop it/)
      for (const body of [
        { name: "x", dimension: "policy", control_key: "a", variants: [{ key: "a", kind: "llm" }, { key: "b", kind: "bandit" }] },
        { name: "x", dimension: "message", control_key: "z", variants: [{ key: "a", kind: "llm" }, { key: "b", kind: "template" }] },
        { name: "x", dimension: "policy", control_key: "a", variants: [{ key: "a", kind: "fixed_arm" }, { key: "b", kind: "bandit" }] },
        { name: "x", dimension: "policy", control_key: "a", variants: [{ key: "a", kind: "bandit" }] },
      ]) {
        expect((await post(`/admin/referrals/experiments`, body)).status).toBe(400)
      }

      // 14 customers: both variants are non-empty but for a 1-in-8,000 chance.
      const customers: Shopper[] = []
      for (let i = 0; i < 14; i++) {
        const customer = await shopper(`shopper${i}@example.com`).register(`Shopper${i}`)
        await customer.checkoutWith(null)
        customers.push(customer)
      }
      const variants = experiment.variants.map((v: { key: string; weight: number }) => ({ key: v.key, weight: v.weight }))
      const expected = (c: Shopper) => assignVariant(c.customer_id!, experiment.id, variants)
      for (const customer of customers) {
        const [moment] = await eventually(async () => {
          const rows = await momentsOf(customer.customer_id!)
          expect(rows).toHaveLength(1)
          return rows
        })
        if (expected(customer) === "holdout") {
          expect(moment).toMatchObject({ decision: "suppressed", reason: "experiment_holdout", variant: "policy:holdout" })
        } else {
          expect(moment).toMatchObject({ decision: "prompted", variant: "policy:bandit" })
        }
      }
      const treated = customers.filter((c) => expected(c) === "bandit")
      const held = customers.filter((c) => expected(c) === "holdout")
      expect(treated.length).toBeGreaterThan(0)
      expect(held.length).toBeGreaterThan(0)

      // Two treated customers bring a friend each; one held-out customer shares on their own and brings one too.
      const everyone = [...customers]
      const bringFriend = async (referrer: Shopper, friend: string) => {
        const code = (await referrer.me()).referral_code.code
        const friendShopper = await shopper(`${friend}@example.com`).register(friend)
        everyone.push(friendShopper)
        await friendShopper.checkoutWith(code)
        await eventually(async () => expect((await referrer.me()).stats.converted).toBe(1), 20000)
      }
      await bringFriend(treated[0], "friendA")
      if (treated[1]) await bringFriend(treated[1], "friendB")
      await bringFriend(held[0], "friendC")

      // Friends' first orders are moments too, so they are assigned like everyone else.
      for (const friend of everyone.slice(customers.length)) {
        await eventually(async () => expect(await momentsOf(friend.customer_id!)).toHaveLength(1))
      }
      const inBandit = everyone.filter((c) => expected(c) === "bandit").length
      const inHoldout = everyone.length - inBandit
      const { data } = await api.get(`/admin/referrals/experiments/${experiment.id}/results`, admin())
      const byKey = Object.fromEntries(data.results.variants.map((v: { key: string }) => [v.key, v]))
      const treatedReferrers = Math.min(2, treated.length)
      expect(byKey.bandit).toMatchObject({
        customers: inBandit,
        asked: inBandit,
        referrers: treatedReferrers,
        conversions: treatedReferrers,
      })
      expect(byKey.bandit.k).toBeCloseTo(treatedReferrers / inBandit, 10)
      expect(byKey.holdout).toMatchObject({ customers: inHoldout, asked: 0, referrers: 1, conversions: 1, vs_control: null })
      expect(byKey.bandit.vs_control.difference).toBeCloseTo(treatedReferrers / inBandit - 1 / inHoldout, 10)
      expect(byKey.bandit.vs_control.ci95[0]).toBeLessThan(byKey.bandit.vs_control.ci95[1])
      expect(byKey.bandit.probability_best + byKey.holdout.probability_best).toBeCloseTo(1, 10)
      // Net value: referred revenue (90 a first order) × the 30% margin − what the referrals cost (10 off + 10 credit each).
      expect(byKey.bandit.net_value).toEqual([
        { currency_code: "usd", amount: treatedReferrers * (90 * 0.3 - 20) },
      ])

      // Sticky: a later moment keeps the customer in their variant.
      const late = held[1] ?? held[0]
      // A review the store recorded (a verified signal: a self-reported one alone is no moment at all).
      const review = await post(`/admin/referrals/signals`, { type: "review", score: 5, customer_id: late.customer_id, source_id: "rev_late" })
      expect(review.data.moment.reason).toBe("experiment_holdout")

      const stopped = await post(`/admin/referrals/experiments/${experiment.id}/stop`, {})
      expect(stopped.data.experiment).toMatchObject({ status: "stopped" })
      expect((await post(`/admin/referrals/experiments/${experiment.id}/stop`, {})).status).toBe(400)
      expect((await post(`/admin/referrals/experiments/refexp_missing/stop`, {})).status).toBe(404)
      const list = await api.get(`/admin/referrals/experiments`, admin())
      expect(list.data.experiments[0]).toMatchObject({ id: experiment.id, status: "stopped" })
    })

    it("splits message sources between the LLM and templates", async () => {
      const { data } = await api.post(
        `/admin/referrals/experiments`,
        {
          name: "LLM or template",
          dimension: "message",
          control_key: "template",
          variants: [
            { key: "llm", kind: "llm" },
            { key: "template", kind: "template" },
          ],
        },
        admin()
      )
      const experiment = data.experiment
      const variants = experiment.variants.map((v: { key: string; weight: number }) => ({ key: v.key, weight: v.weight }))
      for (let i = 0; i < 6; i++) {
        const customer = await shopper(`writer${i}@example.com`).register(`Writer${i}`)
        await customer.checkoutWith(null)
        const { prompt } = await eventually(async () => {
          const me = await customer.me()
          expect(me.prompt).not.toBeNull()
          return me
        })
        const { data: detail } = await api.get(`/admin/referrals/customers/${customer.customer_id}`, admin())
        // No model is configured in this store, so the llm variant falls back for that reason.
        const expectedReason =
          assignVariant(customer.customer_id!, experiment.id, variants) === "template" ? "experiment:template" : "llm_disabled"
        expect(detail.prompts[0].message_fallback_reason).toBe(expectedReason)
        expect(prompt.message_source).toBe("template")
      }
    })
  },
})
