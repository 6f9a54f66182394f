import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const confirmPropensityModelStepId = "confirm-propensity-model"

/** Makes a model awaiting confirmation active; compensation puts it back to waiting and restores the previous one. */
export const confirmPropensityModelStep = createStep(
  confirmPropensityModelStepId,
  async (input: { id: string }, { container }) => {
    const confirmed = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).confirmPropensityModel(input.id)
    return new StepResponse(confirmed, confirmed)
  },
  async (confirmed, { container }) => {
    if (confirmed) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).undoConfirmPropensityModel(confirmed)
    }
  }
)
