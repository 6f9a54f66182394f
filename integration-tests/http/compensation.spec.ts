import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../src/modules/referral"
import type { IReferralModuleService } from "../../src/types"
import { DEFAULT_ARM } from "../../src/rules/offer"
import { issueReferralRewardWorkflow, type RewardIssuedHookInput } from "../../src/workflows"
import { eventually, Shopper } from "../helpers/shopper"
import { referrerRewardOf, releaseRewards } from "../helpers/rewards"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { capturePayment } from "../helpers/payments"

jest.setTimeout(120 * 1000)

/** Short, so a release takes over a stalled run's reward within the test; read when the module loads. */
const LEASE_SECONDS = 5
process.env.SMART_REFERRALS_REWARD_LEASE_SECONDS = String(LEASE_SECONDS)

/**
 * A step failing mid-workflow, injected through the reward workflow's
 * `rewardIssued` hook, the extension point a store would use. The handler is
 * registered here, in the test process, which is the process the app runs in;
 * Medusa allows one handler per hook, so it does what `hookMode` says.
 */
type HookMode = { kind: "pass" } | { kind: "fail" } | { kind: "stall"; until: Promise<void> }
let hookMode: HookMode = { kind: "pass" }
const hookCalls: RewardIssuedHookInput[] = []
issueReferralRewardWorkflow.hooks.rewardIssued(async (input) => {
  hookCalls.push(input)
  const mode = hookMode
  if (mode.kind === "fail") {
    throw new Error("Injected failure: the store's payout booking is down")
  }
  if (mode.kind === "stall") {
    // A run that stops here is, to the database, a run whose process died after paying.
    await mode.until
  }
})

// The last hook, after the reward is recorded: a failure there must undo the record as well as the payment.
let settledFails = false
issueReferralRewardWorkflow.hooks.rewardSettled(async () => {
  if (settledFails) {
    throw new Error("Injected failure after the reward was recorded")
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const release = () => releaseRewards(api, admin())
    const referrerReward = (customerId: string) => referrerRewardOf(api, admin(), customerId)
    /** Ledger rows that pay a reward, read where the loyalty plugin keeps them. */
    const creditsFor = (rewardId: string) =>
      getContainer()
        .resolve<{ listAccountTransactions(f: Record<string, unknown>): Promise<{ id: string; amount: number }[]> }>(
          "store_credit"
        )
        .listAccountTransactions({ reference: "referral_reward", reference_id: rewardId })

    beforeAll(async () => {
      store = await seedStore(getContainer())
      // Released on payment, not delivery: this store ships nothing.
      await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
    })

    afterAll(() => {
      delete process.env.SMART_REFERRALS_REWARD_LEASE_SECONDS
    })

    afterEach(() => {
      hookMode = { kind: "pass" }
      settledFails = false
    })

    /** A referrer whose friend's order converted, with the referrer's reward held and due. */
    async function dueReward(name: string) {
      const referrer = await shopper(`${name}@example.com`).register(name)
      const { referral_code } = await referrer.me()
      const order = await (await shopper(`${name}-friend@example.com`).register("Friend")).checkoutWith(referral_code.code)
      await capturePayment(api, admin(), order.id)
      const { reward } = await eventually(async () => {
        const found = await referrerReward(referrer.customer_id!)
        expect(found.reward?.status).toBe("held")
        return found
      })
      return { referrer, reward }
    }

    it("takes the store credit back and keeps the reward held when a rewardIssued handler fails, then issues it once", async () => {
      const { referrer, reward } = await dueReward("anna")
      hookMode = { kind: "fail" }
      const failed = await release()
      expect(failed).toMatchObject({ issued: 0, failed: [reward.id] })
      // The handler ran after the credit was made, so there was something to undo.
      expect(hookCalls[hookCalls.length - 1]).toMatchObject({ reward_id: reward.id, kind: "store_credit", amount: 10 })
      expect(await referrer.creditBalance()).toBe(0)
      expect(await creditsFor(reward.id)).toEqual([])
      const afterFailure = await referrerReward(referrer.customer_id!)
      expect(afterFailure.reward).toMatchObject({ status: "held", issued_at: null, external_reference: null })
      expect(afterFailure.referral.status).toBe("converted")

      hookMode = { kind: "pass" }
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      expect(await release()).toMatchObject({ issued: 0, failed: [] })
      const credits = await creditsFor(reward.id)
      expect(credits).toHaveLength(1)
      expect(await referrer.creditBalance()).toBe(10)
      const settled = await referrerReward(referrer.customer_id!)
      expect(settled.reward).toMatchObject({ status: "issued", external_reference: credits[0].id })
      expect(settled.referral.status).toBe("rewarded")
    })

    it("undoes the recorded reward too when the last hook fails, and issues it once on the next release", async () => {
      const { referrer, reward } = await dueReward("bea")
      settledFails = true
      expect(await release()).toMatchObject({ issued: 0, failed: [reward.id] })
      expect(await referrer.creditBalance()).toBe(0)
      expect(await creditsFor(reward.id)).toEqual([])
      const undone = await referrerReward(referrer.customer_id!)
      expect(undone.reward).toMatchObject({ status: "held", issued_at: null, external_reference: null })
      expect(undone.referral.status).toBe("converted")

      settledFails = false
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      const credits = await creditsFor(reward.id)
      expect(credits).toHaveLength(1)
      expect(await referrer.creditBalance()).toBe(10)
      expect((await referrerReward(referrer.customer_id!)).referral.status).toBe("rewarded")
    })

    it("takes over a reward whose run stalled past the lease, pays it once, and the stalled run changes nothing", async () => {
      const { referrer, reward } = await dueReward("carl")
      let wake!: () => void
      hookMode = { kind: "stall", until: new Promise<void>((resolve) => (wake = resolve)) }
      const stalled = release()
      // Paid and claimed, never settled: what a crash between the two leaves behind.
      const [credit] = await eventually(async () => {
        const credits = await creditsFor(reward.id)
        expect(credits).toHaveLength(1)
        return credits
      })
      expect((await referrerReward(referrer.customer_id!)).reward.status).toBe("issuing")

      // Within the lease the claim is respected...
      hookMode = { kind: "pass" }
      expect(await release()).toMatchObject({ issued: 0, failed: [] })
      expect((await referrerReward(referrer.customer_id!)).reward.status).toBe("issuing")
      // ...past it the next release takes the reward over and reuses the credit the stalled run made.
      await new Promise((resolve) => setTimeout(resolve, LEASE_SECONDS * 1000 + 500))
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      const takenOver = await referrerReward(referrer.customer_id!)
      expect(takenOver.reward).toMatchObject({ status: "issued", external_reference: credit.id })
      expect(await referrer.creditBalance()).toBe(10)

      // The stalled run wakes up, finds the reward settled by another run, and undoes nothing of it.
      wake()
      expect(await stalled).toMatchObject({ issued: 0, failed: [reward.id] })
      expect(await creditsFor(reward.id)).toEqual([expect.objectContaining({ id: credit.id })])
      expect(await referrer.creditBalance()).toBe(10)
      const final = await referrerReward(referrer.customer_id!)
      expect(final.reward).toMatchObject({ status: "issued", external_reference: credit.id })
      expect(final.referral.status).toBe("rewarded")
    })

    it("deletes the reward's promotion code when a rewardIssued handler fails, and creates exactly one later", async () => {
      // A store whose default offer pays the referrer $10 off as a code instead of store credit.
      await getContainer()
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .createIncentiveArms({ ...DEFAULT_ARM, referrer_type: "fixed", referrer_currency_code: "usd" })
      const { referrer, reward } = await dueReward("dora")
      expect(reward.kind).toBe("promotion")
      const promotions = getContainer().resolve(Modules.PROMOTION)
      const rewardPromotions = async () =>
        (await promotions.listPromotions({}, { select: ["id", "code", "metadata"] })).filter(
          (p) => p.metadata?.referral_reward_id === reward.id
        )

      hookMode = { kind: "fail" }
      expect(await release()).toMatchObject({ issued: 0, failed: [reward.id] })
      const attempted = hookCalls[hookCalls.length - 1]
      expect(attempted).toMatchObject({ reward_id: reward.id, kind: "promotion" })
      expect(await rewardPromotions()).toEqual([])
      const refused = await api
        .post(`/store/carts/${await referrer.createCart()}/promotions`, { promo_codes: [attempted.code] }, referrer.headers())
        .then((r) => r.data.cart.discount_total, (e) => e.response.status)
      expect([0, 400]).toContain(refused)
      expect((await referrerReward(referrer.customer_id!)).reward).toMatchObject({ status: "held", external_reference: null })
      expect((await referrer.me()).rewards[0].code).toBeNull()

      hookMode = { kind: "pass" }
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      const [promotion, ...others] = await rewardPromotions()
      expect(others).toEqual([])
      const settled = await referrerReward(referrer.customer_id!)
      expect(settled.reward).toMatchObject({ status: "issued", external_reference: promotion.id })
      expect((await referrer.me()).rewards[0].code).toBe(promotion.code)
      const cartId = await referrer.createCart()
      const applied = await referrer.applyCode(cartId, promotion.code!)
      expect(applied.data.cart.discount_total).toBe(10)
    })
  },
})
