import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import { saveProgramSettingsStep } from "../steps/save-program-settings"

export const updateReferralProgramWorkflowId = "update-referral-program"

/** Saves the admin's changes to the program settings as a new version. */
export const updateReferralProgramWorkflow = createWorkflow(
  updateReferralProgramWorkflowId,
  (input: Partial<ProgramSettings>) => new WorkflowResponse(saveProgramSettingsStep(input))
)
