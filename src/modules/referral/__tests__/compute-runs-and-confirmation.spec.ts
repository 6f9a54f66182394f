import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { REFERRAL_MODULE } from ".."
import type ReferralModuleService from "../service"

jest.setTimeout(60 * 1000)

/** Queued computations are taken once; a model awaiting confirmation is promoted once, and undone exactly. */
moduleIntegrationTestRunner<ReferralModuleService>({
  moduleName: REFERRAL_MODULE,
  resolve: "./src/modules/referral",
  testSuite: ({ service }) => {
    const model = (version: number, status: "active" | "awaiting_confirmation" | "rejected") => ({
      version,
      status,
      kind: "gradient_boosting" as const,
      trained_at: new Date(),
      label: "converted_referral",
      features: ["order_count"],
      n_train: 80,
      n_test: 20,
      positives: 10,
      positive_rate: 0.1,
      training_ms: 5,
    })
    const statuses = async () =>
      (await service.listPropensityModels({}, { order: { version: "ASC" } })).map((m) => [m.version, m.status])

    it("lets exactly one of several workers claim a queued run, and none claim it again", async () => {
      const run = await service.createComputeRuns({ kind: "network" })
      expect(run.status).toBe("queued")
      const claims = await Promise.all([1, 2, 3, 4].map(() => service.claimComputeRun(run.id)))
      expect(claims.filter(Boolean)).toEqual([{ id: run.id, kind: "network" }])
      expect(await service.claimComputeRun(run.id)).toBeNull()
      const claimed = await service.retrieveComputeRun(run.id)
      expect(claimed.status).toBe("running")
      expect(claimed.started_at).toBeInstanceOf(Date)
    })

    it("promotes a model awaiting confirmation once, retiring the active one, and undoes it exactly", async () => {
      const [v1, v2, v3] = await service.createPropensityModels([
        model(1, "active"),
        model(2, "awaiting_confirmation"),
        model(3, "rejected"),
      ])
      const confirmed = await service.confirmPropensityModel(v2.id)
      expect(confirmed).toEqual({ id: v2.id, version: 2, previous_active_id: v1.id })
      expect(await statuses()).toEqual([
        [1, "retired"],
        [2, "active"],
        [3, "rejected"],
      ])
      await expect(service.confirmPropensityModel(v2.id)).rejects.toMatchObject({ type: "not_allowed" })
      await expect(service.confirmPropensityModel(v3.id)).rejects.toMatchObject({ type: "not_allowed" })
      await expect(service.confirmPropensityModel("refpm_missing")).rejects.toMatchObject({ type: "not_found" })

      await service.undoConfirmPropensityModel(confirmed)
      expect(await statuses()).toEqual([
        [1, "active"],
        [2, "awaiting_confirmation"],
        [3, "rejected"],
      ])
    })
  },
})
