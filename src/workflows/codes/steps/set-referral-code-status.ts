import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const setReferralCodeStatusStepId = "set-referral-code-status"

export type SetReferralCodeStatusStepInput = { id: string; status: "active" | "disabled" }

/**
 * Switches a code on or off; its promotion follows in
 * `setCodePromotionStatusStep`. Compensation restores the previous status.
 */
export const setReferralCodeStatusStep = createStep(
  setReferralCodeStatusStepId,
  async (input: SetReferralCodeStatusStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [before] = await referrals.listReferralCodes({ id: input.id }, { take: 1 })
    if (!before) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Referral code with id ${input.id} was not found`)
    }
    const updated = await referrals.updateReferralCodes({ id: input.id, status: input.status })
    return new StepResponse(updated, { id: before.id, status: before.status })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).updateReferralCodes({ id: before.id, status: before.status })
  }
)
