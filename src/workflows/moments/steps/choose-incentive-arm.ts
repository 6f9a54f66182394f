import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { type BanditContext, chooseArm, contextKey, valueTier } from "../../../ml/bandit"
import { fnv1a } from "../../../ml/hash"
import { mulberry32 } from "../../../ml/random"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { GLOBAL_CONTEXT } from "../../../modules/referral/service"
import type { IReferralModuleService } from "../../../types"
import { expectedOfferCost } from "../../../rules/offer-cost"
import { averageOrderValue } from "../../../analytics/store-economics"

export const chooseIncentiveArmStepId = "choose-incentive-arm"

export type ChooseIncentiveArmStepInput = {
  customer_id: string
  /** Seeds the sampler, so a decision can be replayed. */
  moment_id: string
  propensity_band: "high" | "medium" | "low"
  order_count: number
  total_spent: number
  expected_margin_rate: number
  /** A fixed-offer experiment variant: this arm, no sampling. */
  fixed_arm_id?: string | null
}

export type IncentiveChoice = {
  arm_id: string
  context: BanditContext
  context_key: string
  /** The decision log: the draws and posteriors, or that an experiment fixed the arm. */
  sampled: Record<string, unknown>
  probability: number
}

/**
 * Picks the offer for this customer with cost-aware Thompson sampling over the
 * active arms, in the customer's context (propensity band × value tier ×
 * super-connector), pooled toward each arm's global record. Answers the arm
 * and the decision log (context, draws, probability of the choice).
 */
export const chooseIncentiveArmStep = createStep(
  chooseIncentiveArmStepId,
  async (input: ChooseIncentiveArmStepInput, { container }): Promise<StepResponse<IncentiveChoice>> => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    let arms = await referrals.listIncentiveArms({ active: true })
    if (!arms.length) {
      arms = await referrals.listIncentiveArms({ is_default: true }, { take: 1 })
    }
    const [network] = await referrals.listCustomerNetworks({ customer_id: input.customer_id }, { take: 1 })
    const context: BanditContext = {
      propensity_band: input.propensity_band,
      value_tier: valueTier(input.order_count, input.total_spent),
      // From the last network computation: super-connectors get posteriors of their own.
      super_connector: !!network?.super_connector,
    }
    const key = contextKey(context)
    const [states, aov] = await Promise.all([
      referrals.listBanditStates({ arm_id: arms.map((arm) => arm.id), context_key: [key, GLOBAL_CONTEXT] }),
      averageOrderValue(container),
    ])
    const counts = (armId: string, context_key: string) => {
      const row = states.find((state) => state.arm_id === armId && state.context_key === context_key)
      return { successes: row?.successes ?? 0, failures: row?.failures ?? 0 }
    }
    if (input.fixed_arm_id) {
      return new StepResponse({
        arm_id: input.fixed_arm_id,
        context,
        context_key: key,
        sampled: { fixed_arm: true, average_order_value: aov },
        probability: 1,
      })
    }
    const choice = chooseArm({
      arms: arms.map((arm) => ({ arm_id: arm.id, expected_cost: expectedOfferCost(arm, aov) })),
      stats: arms.map((arm) => ({ arm_id: arm.id, context: counts(arm.id, key), global: counts(arm.id, GLOBAL_CONTEXT) })),
      expectedMargin: input.expected_margin_rate * aov,
      rand: mulberry32(fnv1a(input.moment_id)),
    })
    return new StepResponse({
      arm_id: choice.arm_id,
      context,
      context_key: key,
      sampled: { draws: choice.sampled, posteriors: choice.context_posteriors, average_order_value: aov },
      probability: choice.probability,
    })
  }
)
