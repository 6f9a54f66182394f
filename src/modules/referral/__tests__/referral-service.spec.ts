import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { REFERRAL_MODULE } from ".."
import type { IReferralModuleService } from "../../../types"

jest.setTimeout(60 * 1000)

moduleIntegrationTestRunner<IReferralModuleService>({
  moduleName: REFERRAL_MODULE,
  resolve: "./src/modules/referral",
  testSuite: ({ service }) => {
    const reward = { kind: "store_credit" as const, amount: 10, currency_code: "usd" }

    async function pendingReferrals(count: number) {
      const code = await service.createReferralCodes({ code: "ANNA-222222", customer_id: "cus_anna" })
      const referrals = await service.createReferrals(
        Array.from({ length: count }, (_, i) => ({
          code: code.code,
          referral_code_id: code.id,
          referrer_customer_id: "cus_anna",
          cart_id: `cart_${i}`,
          status: "pending" as const,
        }))
      )
      return { code, referrals }
    }

    const convert = (referralId: string, i: number) =>
      service.convertReferral({
        referral_id: referralId,
        order_id: `order_${i}`,
        order_total: 90,
        currency_code: "usd",
        referee_customer_id: `cus_friend_${i}`,
        referee_email: `friend${i}@example.com`,
        referrer_reward: reward,
        referee_discount: 10,
      })

    it("honours the referrer cap exactly when orders convert at the same time", async () => {
      await service.saveProgramSettings({ referrer_cap: 2 })
      const { code, referrals } = await pendingReferrals(6)

      const results = await Promise.all(referrals.map((referral, i) => convert(referral.id, i)))

      expect(results.filter((r) => r.outcome === "converted")).toHaveLength(2)
      expect(results.filter((r) => r.outcome === "rejected").map((r) => r.reason)).toEqual(
        Array(4).fill("referrer_cap_reached")
      )
      expect((await service.retrieveReferralCode(code.id)).uses).toBe(2)
      const held = await service.listReferralRewards({ role: "referrer", status: "held" })
      expect(held).toHaveLength(2)
    })

    it("converts a referral once however often its order is delivered", async () => {
      const { referrals } = await pendingReferrals(1)
      const outcomes = await Promise.all([0, 0, 0].map(() => convert(referrals[0].id, 0)))
      expect(outcomes.map((o) => o.outcome).sort()).toEqual(["converted", "unchanged", "unchanged"])
      expect(await service.listReferralRewards({ referral_id: referrals[0].id })).toHaveLength(2)
    })

    it("lets exactly one of several concurrent releases claim a reward", async () => {
      const { referrals } = await pendingReferrals(1)
      await convert(referrals[0].id, 0)
      const [held] = await service.listReferralRewards({ role: "referrer" })
      const claims = await Promise.all([1, 2, 3, 4].map(() => service.transitionRewards([held.id], "held", "issuing")))
      expect(claims.flat()).toEqual([held.id])
    })

    it("settles a claimed reward and its referral together, or neither", async () => {
      const { referrals } = await pendingReferrals(1)
      await convert(referrals[0].id, 0)
      const [held] = await service.listReferralRewards({ role: "referrer" })
      await service.transitionRewards([held.id], "held", "issuing")
      const settle = (referralTo: string) =>
        service.settleClaimedReward({
          reward: { id: held.id, from: "issuing", to: "issued", data: { external_reference: "sctx_1", code: "R-1" } },
          referral: { id: referrals[0].id, from: ["converted"], to: referralTo as "rewarded", reason: null },
        })

      // The referral's move fails (a status its column refuses): the reward's move is rolled back with it.
      await expect(settle("no_such_status")).rejects.toThrow()
      expect(await service.retrieveReferralReward(held.id)).toMatchObject({ status: "issuing", external_reference: null })

      expect(await settle("rewarded")).toEqual({ reward: true, referral: true })
      expect(await service.retrieveReferralReward(held.id)).toMatchObject({
        status: "issued",
        external_reference: "sctx_1",
        metadata: expect.objectContaining({ code: "R-1" }),
      })
      expect(await service.retrieveReferral(referrals[0].id)).toMatchObject({ status: "rewarded" })
      // A second run finds the reward settled and moves nothing.
      expect(await settle("rewarded")).toEqual({ reward: false, referral: false })
    })

    it("undoes a conversion completely", async () => {
      const { code, referrals } = await pendingReferrals(1)
      await convert(referrals[0].id, 0)
      await service.undoConversion(referrals[0].id)
      expect(await service.retrieveReferral(referrals[0].id)).toMatchObject({ status: "pending", order_id: null })
      expect(await service.listReferralRewards({ referral_id: referrals[0].id })).toEqual([])
      expect((await service.retrieveReferralCode(code.id)).uses).toBe(0)
    })

    it("holds a flagged conversion for review with its flags and the friend's discount, once, and undoes it cleanly", async () => {
      const { code, referrals } = await pendingReferrals(1)
      const flags = [
        { rule: "ip_velocity" as const, refs: { hash: "a1a1a1a1a1a1a1a1", referrals: 4, window_hours: 24, max: 3 } },
      ]
      const flagged = () =>
        service.convertReferral({
          referral_id: referrals[0].id,
          order_id: "order_0",
          order_total: 90,
          currency_code: "usd",
          referee_customer_id: "cus_friend_0",
          referee_email: "friend0@example.com",
          referrer_reward: reward,
          referee_discount: 10,
          flags,
        })
      expect(await flagged()).toEqual({ outcome: "review", referral_id: referrals[0].id, reason: "flagged" })
      expect((await flagged()).outcome).toBe("unchanged")
      expect(await service.retrieveReferral(referrals[0].id)).toMatchObject({ status: "review", reason: "flagged", flags })
      const rewards = await service.listReferralRewards({ referral_id: referrals[0].id })
      expect(rewards.map((r) => [r.role, r.status])).toEqual([["referee", "issued"]])
      expect((await service.retrieveReferralCode(code.id)).uses).toBe(1)

      await service.undoConversion(referrals[0].id)
      expect(await service.retrieveReferral(referrals[0].id)).toMatchObject({ status: "pending", reason: null, flags: null })
    })

    it("expires a referral whose code met the cart longer ago than the attribution window", async () => {
      const { referrals } = await pendingReferrals(1)
      await service.updateReferrals({ id: referrals[0].id, attributed_at: new Date(Date.now() - 31 * 86400000) })
      expect(await convert(referrals[0].id, 0)).toMatchObject({ outcome: "expired", reason: "attribution_window_passed" })
      expect(await service.listReferralRewards({ referral_id: referrals[0].id })).toEqual([])
    })

    it("settles a prompt once, counts expiries as failures and a conversion only when its value is final", async () => {
      const prompt = (expires_at: Date) => ({
        customer_id: "cus_anna",
        referral_code_id: "refcode_1",
        arm_id: "refarm_a",
        context_key: "medium|new|0",
        context: {},
        message: "Hi",
        expires_at,
      })
      const [open, overdue, later] = await service.createReferralPrompts([
        prompt(new Date(Date.now() + 86400000)),
        prompt(new Date(Date.now() - 1000)),
        prompt(new Date(Date.now() + 86400000)),
      ])
      await Promise.all([1, 2, 3].map(() => service.recordBanditPull("refarm_a", "medium|new|0")))

      const settled = await Promise.all([1, 2, 3].map(() => service.resolvePrompt(open.id, "converted", "ref_1")))
      expect(settled.filter(Boolean)).toHaveLength(1)
      expect(await Promise.all([service.expireDuePrompts(new Date()), service.expireDuePrompts(new Date())])).toEqual(
        expect.arrayContaining([1, 0])
      )

      const counts = async (context_key: string) => {
        const [row] = await service.listBanditStates({ arm_id: "refarm_a", context_key })
        return { pulls: row.pulls, successes: row.successes, failures: row.failures }
      }
      // The conversion is not a success yet: its value is final only after the hold.
      expect(await counts("medium|new|0")).toEqual({ pulls: 3, successes: 0, failures: 1 })
      expect(await counts("*")).toEqual({ pulls: 3, successes: 0, failures: 1 })
      expect((await service.retrieveReferralPrompt(later.id)).status).toBe("open")
      expect((await service.retrieveReferralPrompt(overdue.id)).status).toBe("expired")

      // Its reward is issued: a 0.625 success weight, counted once however often the settlement runs.
      const applied = await Promise.all([1, 2, 3].map(() => service.setPromptBanditValues([{ prompt_id: open.id, weight: 0.625 }])))
      expect(applied.flat()).toEqual([{ prompt_id: open.id, previous: null }])
      expect(await counts("medium|new|0")).toEqual({ pulls: 3, successes: 0.625, failures: 1.375 })
      // Then clawed back: only the difference moves, and the prompt is a full failure.
      expect(await service.setPromptBanditValues([{ prompt_id: open.id, weight: 0 }])).toEqual([{ prompt_id: open.id, previous: 0.625 }])
      expect(await service.setPromptBanditValues([{ prompt_id: open.id, weight: 0 }])).toEqual([])
      expect(await counts("*")).toEqual({ pulls: 3, successes: 0, failures: 2 })
      // An open prompt is never settled this way.
      expect(await service.setPromptBanditValues([{ prompt_id: later.id, weight: 1 }])).toEqual([])

      // Six hours on, the open prompt (a day's window) is a quarter of a failure at decision time.
      const now = new Date(Date.now() + 6 * 3600000)
      const evidence = await service.listBanditEvidence({ arm_ids: ["refarm_a"], context_keys: ["medium|new|0", "*"], global_key: "*", now })
      expect(evidence).toHaveLength(2)
      for (const row of evidence) {
        expect(row).toMatchObject({ successes: 0, failures: 2 })
        expect(row.censored).toBeCloseTo(0.25, 2)
      }
    })

    it("keeps every settings version and answers the newest merged over the defaults", async () => {
      expect(await service.retrieveProgramSettings()).toMatchObject({ version: 0, referrer_cap: 10 })
      await service.saveProgramSettings({ referrer_cap: 3 })
      await service.saveProgramSettings({ reward_hold_days: 2 })
      expect(await service.retrieveProgramSettings()).toMatchObject({ version: 2, referrer_cap: 3, reward_hold_days: 2 })
      expect(await service.listReferralPrograms()).toHaveLength(2)
    })
  },
})
