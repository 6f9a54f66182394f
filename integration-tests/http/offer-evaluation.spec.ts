import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import expireReferralPromptsJob from "../../src/jobs/expire-referral-prompts"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { capturePayment } from "../helpers/payments"

jest.setTimeout(180 * 1000)

type PromptRow = { id: string; customer_id: string; arm_id: string; probability: number; referral_id: string | null; status: string }

/**
 * Offline evaluation of "always make this offer" from real prompts: one that
 * converted and was settled after the hold, one that expired, one still open.
 * The IPS value is checked against the same sum worked out here from the rows.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const evaluate = async (query: string) =>
      (await api.get(`/admin/referrals/offers/evaluate?${query}`, admin())).data.evaluation
    const knex = () => getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const promptOf = async (customerId: string) =>
      eventually(async () => {
        const [row] = await knex()("referral_prompt").where({ customer_id: customerId }).whereNull("deleted_at")
        expect(row).toBeDefined()
        return row as PromptRow
      })

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("estimates the value of always making an offer from settled prompts only, as the log's rows add up", async () => {
      // Rewards are due as soon as the friend's payment is captured, so one prompt can settle within the test.
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
      // Anna's account gets her code, and with it the store's default offer.
      const anna = await shopper("anna@example.com").register("Anna")
      await eventually(async () => expect((await anna.me()).referral_code).toBeTruthy())
      // A second offer, so the bandit chooses with probabilities below 1 and IPS has weights to apply.
      const { data: created } = await api.post(
        `/admin/referrals/arms`,
        { name: "Give 15%, get 5", referee_type: "percentage", referee_value: 15, referrer_type: "store_credit", referrer_value: 5 },
        admin()
      )
      const { data: armList } = await api.get(`/admin/referrals/arms`, admin())
      const armIds: string[] = armList.arms.map((arm: { id: string }) => arm.id)
      expect(armIds).toHaveLength(2)
      expect(armIds).toContain(created.arm.id)

      // Anna's first order asks her; her friend Ben converts with her code, and Ben is asked in turn.
      await anna.checkoutWith(null)
      const annaPrompt = await promptOf(anna.customer_id!)
      const { referral_code } = await eventually(async () => {
        const me = await anna.me()
        expect(me.prompt?.id).toBe(annaPrompt.id)
        return me
      })
      const ben = await shopper("ben@example.com").register("Ben")
      const benOrder = await ben.checkoutWith(referral_code.code)
      const benPrompt = await promptOf(ben.customer_id!)
      const converted = await eventually(async () => {
        const [row] = await knex()("referral_prompt").where({ id: annaPrompt.id })
        expect(row.status).toBe("converted")
        const [reward] = await knex()("referral_reward").where({ referral_id: row.referral_id, role: "referrer" })
        expect(reward?.status).toBe("held")
        return row as PromptRow
      })

      // The referrer's reward is still held: Anna's prompt is censored, as is Ben's open one.
      const held = await evaluate(`arm_id=${annaPrompt.arm_id}`)
      expect(held).toMatchObject({
        arm_id: annaPrompt.arm_id,
        currency_code: "usd",
        logged: { prompts: 0, matched: 0, pending: 2, without_probability: 0 },
        current_policy_value: null,
        ips: null,
        snips: null,
        dr: null,
        effective_sample_size: 0,
      })

      // Ben's payment is captured and the reward released: Anna's prompt is settled.
      await capturePayment(api, admin(), benOrder.id)
      const { data: released } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(released.release).toMatchObject({ issued: 1, failed: [] })

      // Cleo is asked too, and lets her prompt expire (worth 0).
      const cleo = await shopper("cleo@example.com").register("Cleo")
      await cleo.checkoutWith(null)
      const cleoPrompt = await promptOf(cleo.customer_id!)
      const past = new Date(Date.now() - 60_000)
      await knex()("referral_prompt").where({ id: cleoPrompt.id }).update({ expires_at: past })
      await expireReferralPromptsJob(getContainer())
      expect((await knex()("referral_prompt").where({ id: cleoPrompt.id }))[0].status).toBe("expired")

      // By hand, from the rows: Anna's prompt earned her friend's order margin less both incentives.
      const { data: programData } = await api.get(`/admin/referrals/program`, admin())
      const marginRate: number = programData.program.expected_margin_rate
      const [referral] = await knex()("referral").where({ id: converted.referral_id })
      expect(referral).toMatchObject({ status: "rewarded", currency_code: "usd" })
      const rewards = await knex()("referral_reward").where({ referral_id: referral.id })
      const referee = rewards.find((w: { role: string }) => w.role === "referee")
      const referrer = rewards.find((w: { role: string }) => w.role === "referrer")
      expect(referrer).toMatchObject({ status: "issued", kind: "store_credit" })
      expect(Number(referee.amount)).toBeGreaterThan(0)
      const annaValue = Number(referral.order_total) * marginRate - Number(referee.amount) - Number(referrer.amount)
      const settled = [
        { ...annaPrompt, value: annaValue },
        { ...cleoPrompt, value: 0 },
      ]
      expect(Number(annaPrompt.probability)).toBeGreaterThan(0)
      expect(Number(annaPrompt.probability)).toBeLessThan(1)

      for (const armId of armIds) {
        const evaluation = await evaluate(`arm_id=${armId}&currency_code=usd`)
        const matched = settled.filter((p) => p.arm_id === armId)
        const ips = matched.reduce((sum, p) => sum + p.value / Math.max(Number(p.probability), 0.01), 0) / settled.length
        expect(evaluation).toMatchObject({
          arm_id: armId,
          currency_code: "usd",
          logged: {
            prompts: 2,
            matched: matched.length,
            pending: 1,
            without_probability: 0,
            percentage_rewards_unpriced: 0,
            other_currency: 0,
          },
          clipped: { min_probability: 0.01 },
        })
        expect(evaluation.ips.value).toBeCloseTo(ips, 6)
        expect(evaluation.current_policy_value.value).toBeCloseTo(annaValue / 2, 6)
        expect(evaluation.ips.interval[0]).toBeLessThanOrEqual(evaluation.ips.value)
        expect(evaluation.ips.interval[1]).toBeGreaterThanOrEqual(evaluation.ips.value)
        expect(evaluation.dr).toEqual(expect.objectContaining({ value: expect.any(Number) }))
        expect(evaluation.snips === null).toBe(matched.length === 0)
      }
      // Ben's prompt is the one still open.
      expect((await knex()("referral_prompt").where({ id: benPrompt.id }))[0].status).toBe("open")

      // Prompts are valued in the currency they were made in: none in euros.
      expect(await evaluate(`arm_id=${annaPrompt.arm_id}&currency_code=EUR`)).toMatchObject({
        currency_code: "eur",
        logged: { prompts: 0, matched: 0, pending: 0 },
        ips: null,
      })
    })

    it("refuses an unknown offer with 404 and bad parameters with 400", async () => {
      const { data: armList } = await api.get(`/admin/referrals/arms`, admin())
      const known = armList.arms[0]?.id ?? "refarm_none"
      const unknown = await refusal(api.get(`/admin/referrals/offers/evaluate?arm_id=refarm_01NOSUCHARM`, admin()))
      expect(unknown.status).toBe(404)
      expect(unknown.message).toContain("refarm_01NOSUCHARM")
      for (const query of [
        "",
        "arm_id=",
        "arm_id=refarm%27%3B--",
        `arm_id=${known}&currency_code=u$d`,
        `arm_id=${known}&currency_code=dollars`,
        `arm_id=${known}&min_probability=0`,
        `arm_id=${known}&min_probability=2`,
        `arm_id=${known}&policy=greedy`,
      ]) {
        expect({ query, status: (await refusal(api.get(`/admin/referrals/offers/evaluate?${query}`, admin()))).status }).toEqual({
          query,
          status: 400,
        })
      }
      expect((await refusal(api.get(`/admin/referrals/offers/evaluate?arm_id=${known}`))).status).toBe(401)
    })
  },
})
