import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { emitEventStep } from "@medusajs/medusa/core-flows"
import type { ProgramSettings } from "../../../modules/referral/program-defaults"
import { ReferralEvents } from "../../../utils/events"
import { saveProgramSettingsStep } from "../steps/save-program-settings"
import { validateProgramSettingsStep } from "../steps/validate-program-settings"

export const updateReferralProgramWorkflowId = "update-referral-program"

/**
 * Checks the admin's changes to the program settings against those in force,
 * then saves them as a new version. When the changes name the program switch
 * (`enabled`), `referral.program_switched` follows, whose subscriber brings
 * every code's promotions in line with it on the worker (Medusa's promotion
 * engine then gives no referral discount while the program is off). Naming it
 * again re-runs that sync, which repairs promotions changed by hand meanwhile.
 */
export const updateReferralProgramWorkflow = createWorkflow(
  updateReferralProgramWorkflowId,
  (input: Partial<ProgramSettings>) => {
    validateProgramSettingsStep(input)
    const saved = saveProgramSettingsStep(input)
    when("referral-program-switch-named", { input }, ({ input }) => typeof input.enabled === "boolean").then(() => {
      emitEventStep({
        eventName: ReferralEvents.PROGRAM_SWITCHED,
        data: transform({ saved }, ({ saved }) => ({ id: saved.id })),
      })
    })
    return new WorkflowResponse(saved)
  }
)
