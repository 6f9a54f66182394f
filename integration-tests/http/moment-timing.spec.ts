import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { deliverOrder, seedWarehouse, type Warehouse } from "../helpers/deliveries"

jest.setTimeout(180 * 1000)

const DAY_MS = 86_400_000

/**
 * Learned timing: a moment that would ask may wait for a later one that has
 * paid more in its context, and the later one then asks. The history it
 * learns from (months of asks and their settled values) is written straight
 * into the plugin's tables, as a store a few months in would have it.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let warehouse: Warehouse
    const admin = () => adminHeaders(store)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const momentOf = async (customerId: string, trigger: string) =>
      await eventually(async () => {
        const { data } = await api.get(`/admin/referrals/moments?customer_id=${customerId}&trigger=${trigger}`, admin())
        expect(data.moments).toHaveLength(1)
        return data.moments[0]
      })

    beforeAll(async () => {
      store = await seedStore(getContainer())
      warehouse = await seedWarehouse(getContainer())
      // A first order alone is worth an ask; a delivery alone is not.
      await api.post(`/admin/referrals/program`, { moment_weights: { first_order: 0.6, delivered: 0.1 } }, admin())
    })

    /**
     * Past asks of first-time buyers in every propensity band: 40 asked at the
     * purchase realised 0.1 each, 40 asked at delivery 0.6 each, and
     * `delivered` of the 40 who were asked at purchase were delivered within
     * the cycle too; `undelivered` more bought and were never delivered.
     */
    async function seedHistory(bands: string[], delivered = 39, undelivered = 0) {
      const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS)
      const moments: Record<string, unknown>[] = []
      const prompts: Record<string, unknown>[] = []
      const asked = (customer: string, context: string, kind: string, trigger: string, daysAgo: number, value: number) => {
        const id = `refvm_hist_${customer}_${kind}`
        moments.push(moment(id, customer, context, kind, trigger, daysAgo, "prompted", null))
        prompts.push({
          id: `refpr_hist_${customer}_${kind}`, customer_id: customer, referral_code_id: `refcode_hist_${customer}`,
          moment_id: id, arm_id: "refarm_hist", context_key: "hist", context: {}, message: "-", status: "converted",
          expires_at: at(daysAgo - 30), bandit_value: value, created_at: at(daysAgo),
        })
      }
      const moment = (id: string, customer: string, context: string, kind: string, trigger: string, daysAgo: number, decision: string, reason: string | null) => ({
        id, customer_id: customer, trigger, trigger_id: `${id}_trigger`, signals: { fired: [], facts: {} }, score: 0.6,
        decision, reason, created_at: at(daysAgo),
        metadata: { timing: { moment: kind, context, decision: "ask_now", wait_for: null, cold: true, sampled: {}, deferred: false } },
      })
      for (const band of bands) {
        const context = `${band}|first`
        for (let i = 0; i < 40; i++) {
          const early = `cus_hist_${band}_early_${i}`
          asked(early, context, "purchase", "order.placed", 90, 0.1)
          if (i < delivered) moments.push(moment(`refvm_hist_${early}_d`, early, context, "delivery", "delivery.created", 87, "suppressed", "asked_recently"))
          const late = `cus_hist_${band}_late_${i}`
          moments.push(moment(`refvm_hist_${late}_p`, late, context, "purchase", "order.placed", 80, "suppressed", "below_threshold"))
          asked(late, context, "delivery", "delivery.created", 77, 0.6)
        }
        for (let i = 0; i < undelivered; i++) {
          const id = `refvm_hist_${band}_undelivered_${i}`
          moments.push(moment(id, `cus_hist_${band}_undelivered_${i}`, context, "purchase", "order.placed", 85, "suppressed", "below_threshold"))
        }
      }
      await knex()("viral_moment").insert(moments)
      await knex()("referral_prompt").insert(prompts)
    }

    it("asks at the purchase while there is too little evidence to wait (cold start)", async () => {
      const buyer = await new Shopper(api, store, "cold@example.com").register("Cora")
      await buyer.checkoutWith(null)
      const moment = await momentOf(buyer.customer_id!, "order.placed")
      expect(moment).toMatchObject({
        decision: "prompted",
        metadata: { timing: { moment: "purchase", decision: "ask_now", wait_for: null, cold: true, deferred: false } },
      })
      expect(moment.metadata.timing.context).toMatch(/^(high|medium|low)\|first$/)
      await eventually(async () => expect((await buyer.me()).prompt).not.toBeNull())
    })

    it("waits at the purchase when asks at delivery paid more in the context, then asks at delivery whatever its score", async () => {
      await seedHistory(["high", "medium", "low"])
      const buyer = await new Shopper(api, store, "wait@example.com").register("Wendy")
      const order = await buyer.checkoutWith(null)

      const purchase = await momentOf(buyer.customer_id!, "order.placed")
      expect(purchase).toMatchObject({
        decision: "suppressed",
        reason: "waiting_for_later_moment",
        prompt_id: null,
        metadata: { timing: { moment: "purchase", decision: "wait", wait_for: "delivery", cold: false } },
      })
      // The learner's draws: delivery's (after its reach) beat the purchase's.
      const { sampled } = purchase.metadata.timing
      expect(sampled.delivery).toBeGreaterThan(sampled.purchase)
      expect((await buyer.me()).prompt).toBeNull()

      await deliverOrder(api, admin(), warehouse, order)
      const delivery = await momentOf(buyer.customer_id!, "delivery.created")
      // A delivery alone scores 0.1, below the 0.5 threshold: it asks because the purchase waited for it.
      expect(delivery.score).toBeLessThan(0.5)
      expect(delivery).toMatchObject({
        decision: "prompted",
        metadata: { timing: { moment: "delivery", decision: "ask_now", deferred: true } },
      })
      await eventually(async () => expect((await buyer.me()).prompt).not.toBeNull())
    })

    it("asks at the purchase when too few customers are ever delivered, however much deliveries paid", async () => {
      // Of 120 purchases a cycle ago only the 40 later asked at delivery were delivered: a third.
      await seedHistory(["high", "medium", "low"], 0, 40)
      const buyer = await new Shopper(api, store, "rarely@example.com").register("Rita")
      await buyer.checkoutWith(null)
      const purchase = await momentOf(buyer.customer_id!, "order.placed")
      expect(purchase).toMatchObject({ decision: "prompted", metadata: { timing: { moment: "purchase", decision: "ask_now" } } })
      await eventually(async () => expect((await buyer.me()).prompt).not.toBeNull())
    })

    it("shows the admin what it learned per context, with intervals, and how often later moments come", async () => {
      await seedHistory(["high", "medium", "low"])
      const { data } = await api.get(`/admin/referrals/moments/timing`, admin())
      expect(data).toMatchObject({ min_evidence: 20, cycle_days: 30 })
      expect(data.contexts.map((c: { context: string }) => c.context)).toEqual(
        expect.arrayContaining(["high|first", "medium|first", "low|first"])
      )
      const high = data.contexts.find((c: { context: string }) => c.context === "high|first")
      expect(high).toMatchObject({ propensity_band: "high", customer: "first" })
      const at = (moment: string) => high.moments.find((m: { moment: string }) => m.moment === moment)
      expect(at("purchase").asks).toBe(40)
      expect(at("delivery").asks).toBe(40)
      for (const [moment, truth] of [["purchase", 0.1], ["delivery", 0.6]] as const) {
        const { mean, interval } = at(moment)
        expect(Math.abs(mean - truth)).toBeLessThan(0.05)
        expect(interval[0]).toBeLessThan(truth)
        expect(interval[1]).toBeGreaterThan(truth)
      }
      // Of the 240 purchases a cycle ago, 237 were delivered within it; no reviews came.
      expect(data.reach).toEqual(
        expect.arrayContaining([
          { from: "purchase", to: "delivery", reached: 237, of: 240 },
          { from: "purchase", to: "review", reached: 0, of: 240 },
        ])
      )
    })
  },
})
