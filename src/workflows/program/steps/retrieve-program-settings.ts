import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const retrieveProgramSettingsStepId = "retrieve-referral-program-settings"

/** The program settings in force (the defaults before any was saved). Writes nothing. */
export const retrieveProgramSettingsStep = createStep(retrieveProgramSettingsStepId, async (_: void, { container }) => {
  const settings = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).retrieveProgramSettings()
  return new StepResponse(settings)
})
