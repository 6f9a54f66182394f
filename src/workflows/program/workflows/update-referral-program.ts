import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import { retrieveProgramSettingsStep } from "../steps/retrieve-program-settings"
import { saveProgramSettingsStep } from "../steps/save-program-settings"
import { switchCodePromotionsStep } from "../steps/switch-code-promotions"
import { validateProgramSettingsStep } from "../steps/validate-program-settings"

export const updateReferralProgramWorkflowId = "update-referral-program"

/**
 * Checks the admin's changes to the program settings against those in force,
 * then saves them as a new version. When the changes name the program switch
 * (`enabled`), every referral code's promotions follow it, in this run: off,
 * Medusa's promotion engine gives no referral discount either. Naming it again
 * writes nothing, or repairs promotions changed by hand meanwhile. Saved
 * first, so a code created meanwhile already sees the new switch.
 */
export const updateReferralProgramWorkflow = createWorkflow(
  updateReferralProgramWorkflowId,
  (input: Partial<ProgramSettings>) => {
    const before = retrieveProgramSettingsStep()
    validateProgramSettingsStep(input)
    const saved = saveProgramSettingsStep(input)
    when("referral-program-switch-named", { input }, ({ input }) => typeof input.enabled === "boolean").then(() => {
      switchCodePromotionsStep(
        transform({ input, before }, ({ input, before }) => ({
          enabled: input.enabled!,
          previous_enabled: before.enabled,
        }))
      )
    })
    return new WorkflowResponse(saved)
  }
)
