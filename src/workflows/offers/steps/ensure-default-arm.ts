import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { DEFAULT_ARM } from "../../../rules/offer"

export const ensureDefaultArmStepId = "ensure-default-referral-arm"

/**
 * The arm new codes start with. A store that never configured one gets the
 * documented default; two first customers at once both end up with the same
 * arm because only one default can exist (unique index), and the loser reads it.
 */
export const ensureDefaultArmStep = createStep(
  ensureDefaultArmStepId,
  async (_: void, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [existing] = await referrals.listIncentiveArms({ is_default: true, active: true }, { take: 1 })
    if (existing) {
      return new StepResponse(existing, null)
    }
    try {
      const created = await referrals.createIncentiveArms(DEFAULT_ARM)
      return new StepResponse(created, created.id)
    } catch (error) {
      const [winner] = await referrals.listIncentiveArms({ is_default: true }, { take: 1 })
      if (winner) {
        return new StepResponse(winner, null)
      }
      throw error
    }
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteIncentiveArms(createdId)
    }
  }
)
