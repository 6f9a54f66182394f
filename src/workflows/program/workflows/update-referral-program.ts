import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import { saveProgramSettingsStep } from "../steps/save-program-settings"
import { validateProgramSettingsStep } from "../steps/validate-program-settings"

export const updateReferralProgramWorkflowId = "update-referral-program"

/** Checks the admin's changes to the program settings against those in force, then saves them as a new version. */
export const updateReferralProgramWorkflow = createWorkflow(
  updateReferralProgramWorkflowId,
  (input: Partial<ProgramSettings>) => {
    validateProgramSettingsStep(input)
    return new WorkflowResponse(saveProgramSettingsStep(input))
  }
)
