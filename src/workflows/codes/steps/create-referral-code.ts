import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const createReferralCodeStepId = "create-referral-code"

export type CreateReferralCodeStepInput = {
  code: string
  customer_id: string
  promotion_id: string
  arm_id: string
}

export const createReferralCodeStep = createStep(
  createReferralCodeStepId,
  async (input: CreateReferralCodeStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const created = await referrals.createReferralCodes(input)
    return new StepResponse(created, created.id)
  },
  async (id, { container }) => {
    if (id) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferralCodes(id)
    }
  }
)
