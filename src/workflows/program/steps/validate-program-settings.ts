import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import type { IReferralModuleService } from "../../../types"

export const validateProgramSettingsStepId = "validate-referral-program-settings"

/**
 * Checks the settings in force merged with the changes before they are saved:
 * the high propensity band's share must stay within the share asked, and IP
 * addresses and visitor ids must be kept as long as the rules that read them
 * look back (the attribution window, the velocity window). Writes nothing.
 */
export const validateProgramSettingsStep = createStep(
  validateProgramSettingsStepId,
  async (changes: Partial<ProgramSettings>, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const merged = { ...(await referrals.retrieveProgramSettings()), ...changes }
    if (merged.propensity_high_share > merged.propensity_ask_share) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "propensity_high_share must not exceed propensity_ask_share: the high band is part of who is asked"
      )
    }
    const longestWindowDays = Math.max(merged.attribution_window_days, Math.ceil(merged.ip_velocity_window_hours / 24))
    if (merged.identifier_retention_days < longestWindowDays) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `identifier_retention_days must be at least ${longestWindowDays}, the longest window a rule reads IP addresses and visitor ids over (attribution_window_days, ip_velocity_window_hours)`
      )
    }
    return new StepResponse(merged)
  }
)
