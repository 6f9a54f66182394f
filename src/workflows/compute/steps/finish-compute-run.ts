import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const finishComputeRunStepId = "finish-compute-run"

/**
 * Records the outcome of a claimed run. The last step of its workflow: nothing
 * after it can fail, so there is nothing to compensate.
 */
export const finishComputeRunStep = createStep(
  finishComputeRunStepId,
  async (input: { id: string; result: Record<string, unknown> }, { container }) => {
    const run = await container
      .resolve<IReferralModuleService>(REFERRAL_MODULE)
      .updateComputeRuns({ id: input.id, status: "done", result: input.result, finished_at: new Date() })
    return new StepResponse(run)
  }
)
