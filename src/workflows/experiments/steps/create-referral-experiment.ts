import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const createReferralExperimentStepId = "create-referral-experiment"

export type CreateReferralExperimentInput = {
  name: string
  dimension: "policy" | "message"
  control_key: string
  variants: { key: string; kind: "bandit" | "fixed_arm" | "holdout" | "llm" | "template"; arm_id?: string | null; weight?: number }[]
}

/** Starts an experiment; one per dimension runs at a time, and a fixed-offer variant must name an existing, active arm. */
export const createReferralExperimentStep = createStep(
  createReferralExperimentStepId,
  async (input: CreateReferralExperimentInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [running] = await referrals.listReferralExperiments({ dimension: input.dimension, status: "running" }, { take: 1 })
    if (running) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `The ${input.dimension} experiment "${running.name}" is running; stop it before starting another`
      )
    }
    const armIds = input.variants.map((v) => v.arm_id).filter((id): id is string => !!id)
    if (armIds.length) {
      const arms = await referrals.listIncentiveArms({ id: armIds })
      const missing = armIds.filter((id) => !arms.some((arm) => arm.id === id))
      if (missing.length) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown arm(s) for a fixed-offer variant: ${missing.join(", ")}`)
      }
      const withdrawn = arms.filter((arm) => !arm.active).map((arm) => arm.id)
      if (withdrawn.length) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `A fixed-offer variant needs an active offer; withdrawn: ${withdrawn.join(", ")}`
        )
      }
    }
    const experiment = await referrals.createReferralExperiments({
      name: input.name,
      dimension: input.dimension,
      control_key: input.control_key,
      started_at: new Date(),
    })
    await referrals.createReferralVariants(
      input.variants.map((variant) => ({
        experiment_id: experiment.id,
        key: variant.key,
        kind: variant.kind,
        arm_id: variant.arm_id ?? null,
        weight: variant.weight ?? 1,
      }))
    )
    return new StepResponse(
      await referrals.retrieveReferralExperiment(experiment.id, { relations: ["variants"] }),
      experiment.id
    )
  },
  async (experimentId, { container }) => {
    if (!experimentId) {
      return
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const variants = await referrals.listReferralVariants({ experiment_id: experimentId })
    await referrals.deleteReferralVariants(variants.map((variant) => variant.id))
    await referrals.deleteReferralExperiments(experimentId)
  }
)
