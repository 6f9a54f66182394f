import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const recordAssignmentsStepId = "record-experiment-assignments"

/**
 * Remembers which variants the customer is in. The variant is a function of
 * the ids, so recording it again changes nothing and an undo would only risk
 * erasing an earlier record: no compensation.
 */
export const recordAssignmentsStep = createStep(
  recordAssignmentsStepId,
  async (rows: { experiment_id: string; customer_id: string; variant_key: string }[], { container }) => {
    await container.resolve<IReferralModuleService>(REFERRAL_MODULE).recordAssignments(rows)
    return new StepResponse(rows.length)
  }
)
