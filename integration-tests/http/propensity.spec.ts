import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../src/modules/referral"
import type { IReferralModuleService } from "../../src/types"
import { mulberry32 } from "../../src/ml/random"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { runComputation } from "../helpers/compute-runs"

jest.setTimeout(180 * 1000)

const CUSTOMERS = 400

/**
 * A store with history and a known answer: customers who ordered three times
 * or more became referrers (85%) far more often than the rest (8%). Orders are
 * back-dated before the label window; the referrals happened inside it.
 */
async function seedHistory(container: any, knex: any) {
  const random = mulberry32(11)
  const customers = await container.resolve(Modules.CUSTOMER).createCustomers(
    Array.from({ length: CUSTOMERS }, (_, i) => ({
      email: `shopper${i}@example.com`,
      first_name: `Shopper${i}`,
      has_account: true,
    }))
  )
  const orders: any[] = []
  const buyers = new Map<string, number>()
  customers.forEach((customer: { id: string; email: string }) => {
    const count = Math.floor(random() * 6)
    buyers.set(customer.id, count)
    for (let o = 0; o < count; o++) {
      orders.push({
        customer_id: customer.id,
        email: customer.email,
        currency_code: "usd",
        items: [{ title: "Trail Mug", quantity: 1, unit_price: 20 + Math.floor(random() * 60) }],
      })
    }
  })
  await container.resolve(Modules.ORDER).createOrders(orders)

  const referrals = container.resolve(REFERRAL_MODULE) as IReferralModuleService
  const referrers = customers.filter(
    (customer: { id: string }) => random() < ((buyers.get(customer.id) ?? 0) >= 3 ? 0.85 : 0.08)
  )
  for (const customer of referrers) {
    const code = await referrals.createReferralCodes({ code: `R-${customer.id.slice(-8)}`, customer_id: customer.id })
    await referrals.createReferrals({
      code: code.code,
      referral_code_id: code.id,
      referrer_customer_id: customer.id,
      status: "converted",
      converted_at: new Date(),
    })
  }
  // History: customers joined 200 to 400 days ago (in email order, so the time split is stable); each order
  // fell on a day of its own between 91 and 190 days ago, before the 90-day label window.
  await knex.raw(`
    UPDATE customer c SET created_at = now() - interval '400 days' + (ranked.rn * interval '12 hours')
    FROM (SELECT id, row_number() OVER (ORDER BY email) AS rn FROM customer) ranked
    WHERE ranked.id = c.id`)
  // Ordered by customer and (seeded) price, so the whole history, and hence the model, is the same every run.
  await knex.raw(`
    UPDATE "order" o SET created_at = now() - interval '91 days' - (ranked.rn % 100) * interval '1 day'
    FROM (
      SELECT o2.id, row_number() OVER (ORDER BY c.email, li.unit_price, o2.id) AS rn
      FROM "order" o2
      JOIN customer c ON c.id = o2.customer_id
      JOIN order_item oi ON oi.order_id = o2.id
      JOIN order_line_item li ON li.id = oi.item_id
    ) ranked
    WHERE ranked.id = o.id`)
  return { buyers, referrers: referrers.length, customers: customers as { id: string; email: string }[] }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let history: Awaited<ReturnType<typeof seedHistory>>
    const admin = () => adminHeaders(store)
    const train = async () => {
      const run = await runComputation(api, `/admin/referrals/model/train`, admin())
      expect(run).toMatchObject({ kind: "propensity_training", status: "done", error: null })
      return run.result
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
      history = await seedHistory(getContainer(), dbConnection)
    })

    it("stays in cold start below the minimum positives, then trains, promotes and scores with a learned model", async () => {
      expect(history.referrers).toBeGreaterThan(60)
      expect(history.referrers).toBeLessThan(200)

      const cold = await train()
      expect(cold).toMatchObject({ version: 1, kind: "heuristic", promoted: true, positives: history.referrers })
      expect((await api.get(`/admin/referrals/model`, admin())).data).toMatchObject({
        cold_start: true,
        active: { version: 1, kind: "heuristic" },
      })

      await api.post(`/admin/referrals/program`, { propensity_min_positives: 50 }, admin())
      const learned = await train()
      expect(learned).toMatchObject({ version: 2, kind: "gradient_boosting", promoted: true })
      expect(learned.auc).toBeGreaterThan(0.8)
      expect(learned.n_train + learned.n_test).toBe(CUSTOMERS)

      const model = (await api.get(`/admin/referrals/model`, admin())).data
      expect(model.cold_start).toBe(false)
      expect(model.active).toMatchObject({ version: 2, kind: "gradient_boosting", status: "active" })
      expect(model.models.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
        [2, "active"],
        [1, "retired"],
      ])
      const importances = Object.entries(model.active.importances as Record<string, number>).sort((a, b) => b[1] - a[1])
      expect(["order_count", "distinct_products", "total_spent", "days_between_orders"]).toContain(importances[0][0])
      expect(model.features.map((f: { name: string }) => f.name)).toContain("prior_referrals")

      // Quality through the API: customers with many orders score clearly above those with none.
      const scoreOf = async (id: string) =>
        (await api.get(`/admin/referrals/customers/${id}/propensity`, admin())).data.propensity
      const sample = (test: (count: number) => boolean) =>
        [...history.buyers.entries()].filter(([, count]) => test(count)).slice(0, 12).map(([id]) => id)
      const loyal = await Promise.all(sample((count) => count >= 4).map(scoreOf))
      const never = await Promise.all(sample((count) => count === 0).map(scoreOf))
      const mean = (scores: { score: number }[]) => scores.reduce((sum, s) => sum + s.score, 0) / scores.length
      expect(mean(loyal)).toBeGreaterThan(mean(never) + 0.25)
      // Bands are relative to the store: the loyal are never in the low band, those who never ordered never high.
      expect(loyal.filter((s) => s.band === "low")).toEqual([])
      expect(never.filter((s) => s.band === "high")).toEqual([])
      expect(loyal[0]).toMatchObject({ model_version: 2, model_kind: "gradient_boosting" })
      expect(["low", "medium", "high"]).toContain(loyal[0].band)
      expect(loyal[0].top_features[0]).toEqual(
        expect.objectContaining({ feature: expect.any(String), contribution: expect.any(Number) })
      )

      expect(await train()).toMatchObject({ version: 3, promoted: true })
    })

    it("after the first learned model is promoted on a seeded store, the share of asks suppressed for low propensity stays within the configured share", async () => {
      expect((await train()).kind).toBe("heuristic")
      // A large exploration share, so that low-band customers who are asked anyway show in a store of 400.
      // The store's daily cap at 0 turns every ask that passes the propensity band into a cheap, recorded
      // "store_frequency_cap" (the cap is checked after the band), so all 400 customers can be asked quickly.
      const settings = {
        propensity_min_positives: 50,
        propensity_ask_share: 0.7,
        propensity_exploration_share: 0.2,
        store_daily_prompt_cap: 0,
      }
      await api.post(`/admin/referrals/program`, settings, admin())
      const learned = await train()
      expect(learned).toMatchObject({ version: 2, kind: "gradient_boosting", promoted: true })
      expect(learned.suppressed_share).toBeLessThanOrEqual(0.3)

      // Every customer has a moment worth an ask (a promoter's NPS answer, recorded by the store's survey
      // tool); the propensity band decides who is asked.
      const decisions: { decision: string; reason: string | null }[] = []
      for (let i = 0; i < history.customers.length; i += 8) {
        const batch = history.customers.slice(i, i + 8)
        const answers = await Promise.all(
          batch.map(async (customer) => {
            const nps = { type: "nps", score: 10, customer_id: customer.id, source_id: `nps_${customer.id}` }
            return (await api.post(`/admin/referrals/signals`, nps, admin())).data.moment
          })
        )
        decisions.push(...answers)
      }
      expect(decisions).toHaveLength(CUSTOMERS)
      const share = (reason: string) => decisions.filter((d) => d.reason === reason).length / decisions.length
      expect(share("low_propensity") + share("store_frequency_cap")).toBe(1)
      expect(share("low_propensity")).toBeGreaterThan(0.05)
      expect(share("low_propensity")).toBeLessThanOrEqual(0.3)

      // Low-band customers in the exploration share passed the band all the same, so their labels keep coming.
      const { data } = await api.get(`/admin/referrals/moments?limit=1000`, admin())
      const low = data.moments.filter((m: { propensity_band: string }) => m.propensity_band === "low")
      const explored = low.filter((m: { reason: string }) => m.reason !== "low_propensity")
      expect(explored.length).toBeGreaterThan(0)
      expect(explored.length).toBeLessThan(low.length / 2)
    }, 600_000)

    it("holds a model that would change the share of customers not asked too much until an admin confirms it", async () => {
      await api.post(`/admin/referrals/program`, { propensity_min_positives: 50 }, admin())
      expect(await train()).toMatchObject({ version: 1, kind: "gradient_boosting", promoted: true })

      // As many newcomers again, none of whom has ordered: the active model's cut points, taken from the store
      // it was trained on, no longer leave 30% unasked; a recalibrated model would change that share a lot.
      await getContainer()
        .resolve(Modules.CUSTOMER)
        .createCustomers(
          Array.from({ length: CUSTOMERS }, (_, i) => ({ email: `newcomer${i}@example.com`, has_account: true }))
        )
      await api.post(`/admin/referrals/program`, { propensity_max_suppressed_shift: 0.1 }, admin())
      const held = await train()
      expect(held).toMatchObject({ version: 2, promoted: false, awaiting_confirmation: true })
      expect(held.reason).toContain("awaiting an admin's confirmation")
      expect(held.suppressed_share).toBeLessThanOrEqual(0.3)
      expect(Math.abs(held.suppressed_share - held.active_suppressed_share)).toBeGreaterThan(0.1)

      const overview = (await api.get(`/admin/referrals/model`, admin())).data
      expect(overview.active).toMatchObject({ version: 1, status: "active" })
      expect(overview.awaiting_confirmation).toMatchObject({
        id: held.id,
        version: 2,
        status: "awaiting_confirmation",
        suppressed_share: expect.closeTo(held.suppressed_share, 5),
        active_suppressed_share: expect.closeTo(held.active_suppressed_share, 5),
      })

      expect((await refusal(api.post(`/admin/referrals/model/${held.id}/promote`, {}, admin()))).status).toBe(400)
      const promoted = await api.post(`/admin/referrals/model/${held.id}/promote`, { confirm: true }, admin())
      expect(promoted.data.model).toMatchObject({ id: held.id, version: 2, status: "active" })
      const again = await refusal(api.post(`/admin/referrals/model/${held.id}/promote`, { confirm: true }, admin()))
      expect(again.status).toBe(400)
      const models = (await api.get(`/admin/referrals/model`, admin())).data.models
      expect(models.map((m: { version: number; status: string }) => [m.version, m.status])).toEqual([
        [2, "active"],
        [1, "retired"],
      ])
      const unknown = await refusal(api.post(`/admin/referrals/model/refpm_unknown/promote`, { confirm: true }, admin()))
      expect(unknown.status).toBe(404)
    })

    it("answers 404 for the propensity of an unknown customer", async () => {
      const error = await api.get(`/admin/referrals/customers/cus_unknown/propensity`, admin()).catch((e: any) => e)
      expect(error.response.status).toBe(404)
    })
  },
})
