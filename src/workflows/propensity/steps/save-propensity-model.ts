import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService, TrainedPropensityRow } from "../../../types"

export const savePropensityModelStepId = "save-propensity-model"

export type SavePropensityModelStepInput = TrainedPropensityRow & {
  tolerance: number
  max_suppressed_shift: number
}

/**
 * Stores the trained model as the next version, promoted if it measures up (or
 * awaiting an admin's confirmation); compensation restores the previous state.
 */
export const savePropensityModelStep = createStep(
  savePropensityModelStepId,
  async ({ tolerance, max_suppressed_shift, ...trained }: SavePropensityModelStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const saved = await referrals.savePropensityModel(trained, { tolerance, max_suppressed_shift })
    return new StepResponse(saved, {
      id: saved.id,
      previous_active_id: saved.previous_active_id,
      superseded_ids: saved.superseded_ids,
    })
  },
  async (saved, { container }) => {
    if (saved) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).undoSavePropensityModel(saved)
    }
  }
)
