import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import type { IReferralModuleService } from "../../../types"

export const validateProgramSettingsStepId = "validate-referral-program-settings"

/**
 * Checks the settings in force merged with the changes before they are saved:
 * the low propensity threshold must stay below the high one. Writes nothing.
 */
export const validateProgramSettingsStep = createStep(
  validateProgramSettingsStepId,
  async (changes: Partial<ProgramSettings>, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const merged = { ...(await referrals.retrieveProgramSettings()), ...changes }
    if (merged.propensity_low_threshold >= merged.propensity_high_threshold) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "propensity_low_threshold must be below propensity_high_threshold"
      )
    }
    return new StepResponse(merged)
  }
)
