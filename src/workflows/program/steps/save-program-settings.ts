import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import type { IReferralModuleService } from "../../../types"

export const saveProgramSettingsStepId = "save-referral-program-settings"

/** Saves a new settings version; compensation removes it, so the previous one is in force again. */
export const saveProgramSettingsStep = createStep(
  saveProgramSettingsStepId,
  async (changes: Partial<ProgramSettings>, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const saved = await referrals.saveProgramSettings(changes)
    return new StepResponse(saved, saved.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferralPrograms(id)
    }
  }
)
