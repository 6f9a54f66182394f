import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../src/modules/referral"
import type { IReferralModuleService } from "../../src/types"
import { mulberry32 } from "../../src/ml/random"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"

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
  return { buyers, referrers: referrers.length }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConnection }) => {
    let store: SeededStore
    let history: { buyers: Map<string, number>; referrers: number }
    const admin = () => adminHeaders(store)

    beforeAll(async () => {
      store = await seedStore(getContainer())
      history = await seedHistory(getContainer(), dbConnection)
    })

    it("stays in cold start below the minimum positives, then trains, promotes and scores with a learned model", async () => {
      expect(history.referrers).toBeGreaterThan(60)
      expect(history.referrers).toBeLessThan(200)

      const cold = await api.post(`/admin/referrals/model/train`, {}, admin())
      expect(cold.data.model).toMatchObject({ version: 1, kind: "heuristic", promoted: true, positives: history.referrers })
      expect((await api.get(`/admin/referrals/model`, admin())).data).toMatchObject({
        cold_start: true,
        active: { version: 1, kind: "heuristic" },
      })

      await api.post(`/admin/referrals/program`, { propensity_min_positives: 50 }, admin())
      const { data } = await api.post(`/admin/referrals/model/train`, {}, admin())
      expect(data.model).toMatchObject({ version: 2, kind: "gradient_boosting", promoted: true })
      expect(data.model.auc).toBeGreaterThan(0.8)
      expect(data.model.n_train + data.model.n_test).toBe(CUSTOMERS)

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
      expect(never.filter((s) => s.band === "low").length).toBeGreaterThanOrEqual(10)
      expect(loyal[0]).toMatchObject({ model_version: 2, model_kind: "gradient_boosting" })
      expect(["low", "medium", "high"]).toContain(loyal[0].band)
      expect(loyal[0].top_features[0]).toEqual(
        expect.objectContaining({ feature: expect.any(String), contribution: expect.any(Number) })
      )

      const retrained = await api.post(`/admin/referrals/model/train`, {}, admin())
      expect(retrained.data.model).toMatchObject({ version: 3, promoted: true })
    })

    it("answers 404 for the propensity of an unknown customer", async () => {
      const error = await api.get(`/admin/referrals/customers/cus_unknown/propensity`, admin()).catch((e: any) => e)
      expect(error.response.status).toBe(404)
    })
  },
})
