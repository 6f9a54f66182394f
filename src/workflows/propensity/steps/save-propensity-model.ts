import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TrainedPropensity } from "../../../ml/propensity/train-propensity"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const savePropensityModelStepId = "save-propensity-model"

export type SavePropensityModelStepInput = TrainedPropensity & {
  label: string
  trained_at: Date
  tolerance: number
}

/** Stores the trained model as the next version, promoted if it measures up; compensation restores the previous state. */
export const savePropensityModelStep = createStep(
  savePropensityModelStepId,
  async ({ tolerance, ...trained }: SavePropensityModelStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const saved = await referrals.savePropensityModel(trained, tolerance)
    return new StepResponse(saved, { id: saved.id, previous_active_id: saved.previous_active_id })
  },
  async (saved, { container }) => {
    if (saved) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).undoSavePropensityModel(saved)
    }
  }
)
