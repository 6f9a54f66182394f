import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"

export const recordViralMomentStepId = "record-viral-moment"

export type RecordViralMomentStepInput = {
  customer_id: string
  trigger: string
  trigger_id: string
  signals: { fired: string[]; facts: Record<string, unknown> }
  score: number
  propensity: number | null
  propensity_band: string | null
  decision: "prompted" | "suppressed"
  reason: string | null
  variant: string | null
  /** Learned timing's decision (`{ timing }`), when the trigger is a kind of moment it learns. */
  metadata?: Record<string, unknown> | null
}

/**
 * Stores the evaluation. The trigger is unique per customer, so when an event
 * is delivered twice (or to two instances) the second finds the first row and
 * answers `is_new: false`, and no second prompt follows.
 */
export const recordViralMomentStep = createStep(
  recordViralMomentStepId,
  async (input: RecordViralMomentStepInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const key = { customer_id: input.customer_id, trigger: input.trigger, trigger_id: input.trigger_id }
    const [existing] = await referrals.listViralMoments(key, { take: 1 })
    if (existing) {
      return new StepResponse({ moment: existing, is_new: false }, null)
    }
    try {
      const moment = await referrals.createViralMoments(input)
      return new StepResponse({ moment, is_new: true }, moment.id)
    } catch (error) {
      const [winner] = await referrals.listViralMoments(key, { take: 1 })
      if (winner) {
        return new StepResponse({ moment: winner, is_new: false }, null)
      }
      throw error
    }
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteViralMoments(createdId)
    }
  }
)
