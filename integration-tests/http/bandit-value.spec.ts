import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { averageOrderValues } from "../../src/analytics/store-economics"
import { eventually, Shopper } from "../helpers/shopper"
import { releaseRewards } from "../helpers/rewards"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { capturePayment, refundPayment } from "../helpers/payments"

jest.setTimeout(180 * 1000)

type Counts = { successes: number; failures: number }

/**
 * What the bandit learns from: a prompt counts when its value is final, as a
 * fractional outcome (its net value against one typical friend's margin), and
 * a returned conversion ends as a loss for its arm.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const release = () => releaseRewards(api, admin())

    /** The arm's counts in a context (or `*`) as the admin sees them. */
    const countsOf = async (armId: string, contextKey: string): Promise<Counts> => {
      const { data } = await api.get(`/admin/referrals/arms`, admin())
      const arm = data.arms.find((a: { id: string }) => a.id === armId)
      const row =
        contextKey === "*" ? arm.stats : arm.contexts.find((c: { context_key: string }) => c.context_key === contextKey)
      return { successes: row?.successes ?? 0, failures: row?.failures ?? 0 }
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    /** A referrer asked after her own order, and the arm and context her prompt was made in. */
    async function askedReferrer(email: string) {
      const referrer = await shopper(email).register("Referrer")
      await referrer.checkoutWith(null)
      const prompt = await eventually(async () => {
        const { prompt } = await referrer.me()
        expect(prompt).not.toBeNull()
        return prompt
      })
      const [row] = await knex()("referral_prompt").where({ id: prompt.id }).select("arm_id", "context_key")
      return { referrer, prompt_id: prompt.id as string, arm_id: row.arm_id as string, context_key: row.context_key as string }
    }

    const banditValueOf = async (promptId: string) =>
      (await knex()("referral_prompt").where({ id: promptId }).select("bandit_value"))[0].bandit_value

    it("credits a released conversion with its value share, and makes it a loss for its arm once it is returned", async () => {
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
      const { referrer: anna, ...row } = await askedReferrer("anna-value@example.com")
      const prompt = { id: row.prompt_id }
      const before = { context: await countsOf(row.arm_id, row.context_key), global: await countsOf(row.arm_id, "*") }

      // Ben converts on Anna's offer: the prompt is converted, but nothing is learned while the reward is held.
      const { referral_code } = await anna.me()
      const ben = await shopper("ben-value@example.com").register("Ben")
      const order = await ben.checkoutWith(referral_code.code)
      const referral = await eventually(async () => {
        const [found] = await knex()("referral").where({ order_id: order.id }).select("id", "order_total")
        expect(found).toBeDefined()
        const [held] = await knex()("referral_reward").where({ referral_id: found.id, role: "referrer", status: "held" })
        expect(held).toBeDefined()
        return found
      })
      // The prompt is settled as converted by a later step of the conversion: wait for it, not only for the reward.
      await eventually(async () => {
        const [converted] = await knex()("referral_prompt").where({ id: prompt.id }).select("status", "referral_id", "bandit_value")
        expect(converted).toEqual({ status: "converted", referral_id: referral.id, bandit_value: null })
      })
      expect(await countsOf(row.arm_id, row.context_key)).toEqual(before.context)

      // Paid and past the hold: the reward is issued and the prompt counts its value share.
      const paymentId = await capturePayment(api, admin(), order.id)
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      const rewards = await knex()("referral_reward").where({ referral_id: referral.id }).select("role", "status", "amount")
      const paid = (role: string) =>
        rewards.filter((r: { role: string; status: string }) => r.role === role && r.status !== "revoked")
          .reduce((sum: number, r: { amount: string }) => sum + Number(r.amount), 0)
      expect(rewards.find((r: { role: string }) => r.role === "referrer").status).toBe("issued")
      const margin = 0.3
      const value = Number(referral.order_total) * margin - paid("referee") - paid("referrer")
      // Against what one typical friend nets under this offer: the margin on a typical order less the offer's logged cost.
      const [logged] = await knex()("referral_prompt").where({ id: prompt.id }).select("sampled")
      expect(logged.sampled.expected_cost).toBeGreaterThan(0)
      const reference = margin * (await averageOrderValues(getContainer())).usd - logged.sampled.expected_cost
      const r = Math.min(1, Math.max(0, value / reference))
      expect(r).toBeGreaterThan(0)
      expect(r).toBeLessThan(1)
      const [settled] = await knex()("referral_prompt").where({ id: prompt.id }).select("bandit_value")
      expect(settled.bandit_value).toBeCloseTo(r, 5)
      for (const [key, base] of [[row.context_key, before.context], ["*", before.global]] as const) {
        const counts = await countsOf(row.arm_id, key)
        expect(counts.successes - base.successes).toBeCloseTo(r, 5)
        expect(counts.failures - base.failures).toBeCloseTo(1 - r, 5)
      }

      // Ben returns everything: the reward is clawed back and the conversion is a loss, counted once.
      await refundPayment(api, admin(), paymentId, Number(order.total))
      await eventually(async () => {
        const [returned] = await knex()("referral").where({ id: referral.id }).select("status")
        expect(returned.status).toBe("rejected")
        const [after] = await knex()("referral_prompt").where({ id: prompt.id }).select("bandit_value")
        expect(after.bandit_value).toBe(0)
      })
      // The next release (which retries clawbacks) settles nothing twice.
      await release()
      for (const [key, base] of [[row.context_key, before.context], ["*", before.global]] as const) {
        const counts = await countsOf(row.arm_id, key)
        expect(counts.successes - base.successes).toBeCloseTo(0, 5)
        expect(counts.failures - base.failures).toBeCloseTo(1, 5)
      }
    })

    it("ends a prompt as a loss once the admin revokes the referrer's paid reward, or rejects the friend in review", async () => {
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())

      // Revoked after it was paid: the success the release counted turns into a loss.
      const cleo = await askedReferrer("cleo-value@example.com")
      const before = await countsOf(cleo.arm_id, cleo.context_key)
      const dan = await shopper("dan-value@example.com").register("Dan")
      const danOrder = await dan.checkoutWith((await cleo.referrer.me()).referral_code.code)
      await eventually(async () => {
        const [referral] = await knex()("referral").where({ order_id: danOrder.id }).select("status")
        expect(referral?.status).toBe("converted")
      })
      await capturePayment(api, admin(), danOrder.id)
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      expect(await banditValueOf(cleo.prompt_id)).toBeGreaterThan(0)
      const [reward] = await knex()("referral_reward")
        .join("referral", "referral.id", "referral_reward.referral_id")
        .where({ "referral.order_id": danOrder.id, "referral_reward.role": "referrer" })
        .select("referral_reward.id")
      await api.post(`/admin/referrals/rewards/${reward.id}/revoke`, { reason: "Dan is Cleo's second account" }, admin())
      expect(await banditValueOf(cleo.prompt_id)).toBe(0)
      const after = await countsOf(cleo.arm_id, cleo.context_key)
      expect(after.successes - before.successes).toBeCloseTo(0, 5)
      expect(after.failures - before.failures).toBeCloseTo(1, 5)

      // Held for review (a disposable email): nothing is learned until the admin decides; rejected, it is a loss.
      const eda = await askedReferrer("eda-value@example.com")
      const edaBefore = await countsOf(eda.arm_id, eda.context_key)
      const fay = await shopper("fay-value@mailinator.com").register("Fay")
      const fayOrder = await fay.checkoutWith((await eda.referrer.me()).referral_code.code)
      const flagged = await eventually(async () => {
        const [referral] = await knex()("referral").where({ order_id: fayOrder.id }).select("id", "status")
        expect(referral?.status).toBe("review")
        return referral
      })
      await capturePayment(api, admin(), fayOrder.id)
      await release()
      expect(await banditValueOf(eda.prompt_id)).toBeNull()
      expect(await countsOf(eda.arm_id, eda.context_key)).toEqual(edaBefore)
      await api.post(`/admin/referrals/${flagged.id}/reject`, { reason: "ring" }, admin())
      expect(await banditValueOf(eda.prompt_id)).toBe(0)
      const edaAfter = await countsOf(eda.arm_id, eda.context_key)
      expect(edaAfter.successes - edaBefore.successes).toBeCloseTo(0, 5)
      expect(edaAfter.failures - edaBefore.failures).toBeCloseTo(1, 5)
    })
  },
})
