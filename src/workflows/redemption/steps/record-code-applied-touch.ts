import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const recordCodeAppliedTouchStepId = "record-code-applied-touch"

export type RecordCodeAppliedTouchStepInput = {
  referral_id: string
  referral_code_id: string
  code: string
  customer_id: string | null
} | null

/**
 * A code accepted on a cart for the first time adds a `code_applied` touch to
 * the funnel, once per referral. Compensation removes the touch it added.
 */
export const recordCodeAppliedTouchStep = createStep(
  recordCodeAppliedTouchStepId,
  async (input: RecordCodeAppliedTouchStepInput, { container }) => {
    if (!input) {
      return new StepResponse(null, null)
    }
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [applied] = await referrals.listReferralTouches(
      { referral_id: input.referral_id, type: "code_applied" },
      { take: 1 }
    )
    if (applied) {
      return new StepResponse(applied, null)
    }
    const touch = await referrals.createReferralTouches({ type: "code_applied", ...input })
    return new StepResponse(touch, touch.id)
  },
  async (touchId, { container }) => {
    if (touchId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferralTouches(touchId)
    }
  }
)
