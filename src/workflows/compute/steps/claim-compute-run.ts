import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const claimComputeRunStepId = "claim-compute-run"

/** Why a run failed when the work itself threw: the cause is in the worker's log, under the run's id. */
export const COMPUTE_RUN_FAILED = "The computation failed; the server log has the cause under this run's id."

/**
 * Takes the queued run for this worker, once: null when it is not queued any
 * more (a redelivered event, another instance took it). If the work after it
 * fails, compensation marks the run failed, so it never stays `running`.
 */
export const claimComputeRunStep = createStep(
  claimComputeRunStepId,
  async (input: { id: string }, { container }) => {
    const claimed = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).claimComputeRun(input.id)
    return new StepResponse(claimed, claimed?.id ?? null)
  },
  async (id, { container }) => {
    if (id) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .updateComputeRuns({ id, status: "failed", error: COMPUTE_RUN_FAILED, finished_at: new Date() })
    }
  }
)
