import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { ComputeRunKind, IReferralModuleService } from "../../../types"

export const createComputeRunStepId = "create-compute-run"

/** Records a queued computation; compensation deletes it. */
export const createComputeRunStep = createStep(
  createComputeRunStepId,
  async (input: { kind: ComputeRunKind }, { container }) => {
    const run = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).createComputeRuns({ kind: input.kind })
    return new StepResponse(run, run.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteComputeRuns(id)
    }
  }
)
