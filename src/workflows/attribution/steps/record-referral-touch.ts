import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { TOUCH_TYPES } from "../../../modules/referral/models/referral-touch"

export const recordReferralTouchStepId = "record-referral-touch"

export type RecordReferralTouchStepInput = {
  type: (typeof TOUCH_TYPES)[number]
  referral_code_id?: string | null
  code?: string | null
  customer_id?: string | null
  visitor_id?: string | null
  referral_id?: string | null
  channel?: string | null
  metadata?: Record<string, unknown> | null
}

export const recordReferralTouchStep = createStep(
  recordReferralTouchStepId,
  async (input: RecordReferralTouchStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const touch = await referrals.createReferralTouches(input)
    return new StepResponse(touch, touch.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferralTouches(id)
    }
  }
)
