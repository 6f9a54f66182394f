import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const stopReferralExperimentStepId = "stop-referral-experiment"

/** Stops a running experiment; its customers return to the normal loop and its results freeze at the stop. */
export const stopReferralExperimentStep = createStep(
  stopReferralExperimentStepId,
  async (input: { id: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [experiment] = await referrals.listReferralExperiments({ id: input.id }, { take: 1 })
    if (!experiment) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${input.id} was not found`)
    }
    if (experiment.status !== "running") {
      throw new MedusaError(MedusaError.Types.NOT_ALLOWED, `Experiment ${input.id} is already stopped`)
    }
    const stopped = await referrals.updateReferralExperiments({ id: input.id, status: "stopped", stopped_at: new Date() })
    return new StepResponse(stopped, input.id)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .updateReferralExperiments({ id, status: "running", stopped_at: null })
    }
  }
)
