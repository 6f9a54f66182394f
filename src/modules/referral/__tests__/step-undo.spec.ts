import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { REFERRAL_MODULE } from ".."
import type ReferralModuleService from "../service"

jest.setTimeout(60 * 1000)

/** The undo methods workflow compensations use: each takes back exactly what its counterpart did, once. */
moduleIntegrationTestRunner<ReferralModuleService>({
  moduleName: REFERRAL_MODULE,
  resolve: "./src/modules/referral",
  testSuite: ({ service }) => {
    const context_key = "medium|new|0"
    const counts = async (key: string) => {
      const [row] = await service.listBanditStates({ arm_id: "refarm_a", context_key: key })
      return { pulls: row.pulls, successes: row.successes, failures: row.failures }
    }

    it("takes back one bandit pull from the context and the global count, never below zero", async () => {
      await service.recordBanditPull("refarm_a", context_key)
      await service.recordBanditPull("refarm_a", context_key)
      await service.undoBanditPull("refarm_a", context_key)
      expect(await counts(context_key)).toEqual({ pulls: 1, successes: 0, failures: 0 })
      expect(await counts("*")).toEqual({ pulls: 1, successes: 0, failures: 0 })

      await service.undoBanditPull("refarm_a", context_key)
      await service.undoBanditPull("refarm_a", context_key)
      expect(await counts(context_key)).toEqual({ pulls: 0, successes: 0, failures: 0 })
      expect(await counts("*")).toEqual({ pulls: 0, successes: 0, failures: 0 })
    })

    it("reopens a settled prompt and takes back what it counted in the bandit, once", async () => {
      const prompt = await service.createReferralPrompts({
        customer_id: "cus_anna",
        referral_code_id: "refcode_1",
        arm_id: "refarm_a",
        context_key,
        context: {},
        message: "Hi",
        expires_at: new Date(Date.now() + 86400000),
      })
      expect(await service.resolvePrompt(prompt.id, "converted", "ref_1")).toBe(true)
      expect(await service.setPromptBanditValues([{ prompt_id: prompt.id, weight: 0.5 }])).toHaveLength(1)
      expect(await counts(context_key)).toMatchObject({ successes: 0.5, failures: 0.5 })

      expect(await service.reopenPrompt(prompt.id, "converted")).toBe(true)
      expect(await service.reopenPrompt(prompt.id, "converted")).toBe(false)
      expect(await counts(context_key)).toMatchObject({ successes: 0, failures: 0 })
      expect(await counts("*")).toMatchObject({ successes: 0, failures: 0 })
      const reopened = await service.retrieveReferralPrompt(prompt.id)
      expect(reopened).toMatchObject({ status: "open", referral_id: null, outcome_at: null, bandit_value: null })

      // Settled again after the undo, it counts again, once; undoing the settlement (weight null) takes it back.
      expect(await service.resolvePrompt(prompt.id, "converted", "ref_1")).toBe(true)
      expect(await service.setPromptBanditValues([{ prompt_id: prompt.id, weight: 1 }])).toEqual([{ prompt_id: prompt.id, previous: null }])
      expect(await counts(context_key)).toMatchObject({ successes: 1, failures: 0 })
      expect(await service.setPromptBanditValues([{ prompt_id: prompt.id, weight: null }])).toEqual([{ prompt_id: prompt.id, previous: 1 }])
      expect(await counts(context_key)).toMatchObject({ successes: 0, failures: 0 })
    })
  },
})
