import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const setReferralCodeStatusStepId = "set-referral-code-status"

export type SetReferralCodeStatusStepInput = { id: string; status: "active" | "disabled" }

/**
 * Switches a code on or off, and its promotion with it, so a disabled code is
 * refused by Medusa's promotion engine as well as by the referral rules.
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
    if (before.promotion_id) {
      await container
        .resolve(Modules.PROMOTION)
        .updatePromotions([{ id: before.promotion_id, status: input.status === "active" ? "active" : "inactive" }])
    }
    return new StepResponse(updated, { id: before.id, status: before.status, promotion_id: before.promotion_id })
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).updateReferralCodes({ id: before.id, status: before.status })
    if (before.promotion_id) {
      await container
        .resolve(Modules.PROMOTION)
        .updatePromotions([{ id: before.promotion_id, status: before.status === "active" ? "active" : "inactive" }])
    }
  }
)
