import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const recordBanditPullStepId = "record-bandit-pull"

export type RecordBanditPullStepInput = { arm_id: string; context_key: string }

/** Counts the bandit's decision for the arm in its context; compensation takes the pull back. */
export const recordBanditPullStep = createStep(
  recordBanditPullStepId,
  async (input: RecordBanditPullStepInput, { container }) => {
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).recordBanditPull(input.arm_id, input.context_key)
    return new StepResponse(null, input)
  },
  async (pull, { container }) => {
    if (pull) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).undoBanditPull(pull.arm_id, pull.context_key)
    }
  }
)
