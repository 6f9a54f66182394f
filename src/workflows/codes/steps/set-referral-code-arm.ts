import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const setReferralCodeArmStepId = "set-referral-code-arm"

export type SetReferralCodeArmStepInput = {
  id: string
  arm_id: string
  /** The arm the code had before; nothing is written when it is the same. */
  previous_arm_id: string | null
}

/** Records which arm a code now offers; compensation puts the previous arm back. */
export const setReferralCodeArmStep = createStep(
  setReferralCodeArmStepId,
  async (input: SetReferralCodeArmStepInput, { container }) => {
    if (input.previous_arm_id === input.arm_id) {
      return new StepResponse(null, null)
    }
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).updateReferralCodes({ id: input.id, arm_id: input.arm_id })
    return new StepResponse(null, { id: input.id, previous_arm_id: input.previous_arm_id })
  },
  async (undo, { container }) => {
    if (undo) {
      await container
        .resolve<IReferralModuleService>(REFERRAL_MODULE)
        .updateReferralCodes({ id: undo.id, arm_id: undo.previous_arm_id })
    }
  }
)
