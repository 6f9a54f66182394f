import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { betaCredibleInterval, betaMean, POSTERIOR_DEFAULTS } from "../../../ml/bandit"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { GLOBAL_CONTEXT } from "../../../modules/referral/service"
import type { IReferralModuleService } from "../../../types"
import { expectedOfferCost } from "../../../rules/offer-cost"
import { averageOrderValue } from "../../../analytics/store-economics"

export const computeIncentiveArmValuesStepId = "compute-incentive-arm-values"

/**
 * The offers the bandit chooses from, each with its overall record (pulls,
 * successes, failures), its posterior conversion rate over all contexts (mean
 * and 95% credible interval) and the bandit's value model: what a conversion
 * is expected to cost and what an offer is expected to net, at the store's
 * average order value and the program's expected margin. Writes nothing.
 */
export const computeIncentiveArmValuesStep = createStep(
  computeIncentiveArmValuesStepId,
  async (_: void, { container }) => new StepResponse(await incentiveArmValues(container))
)

async function incentiveArmValues(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const [{ data: arms }, { data: states }, program, aov] = await Promise.all([
    query.graph({ entity: "incentive_arm", fields: ["*"], pagination: { order: { created_at: "ASC" } } }),
    query.graph({
      entity: "bandit_state",
      fields: ["arm_id", "pulls", "successes", "failures"],
      filters: { context_key: GLOBAL_CONTEXT },
    }),
    referrals.retrieveProgramSettings(),
    averageOrderValue(container),
  ])
  const expectedMargin = program.expected_margin_rate * aov
  return {
    arms: arms.map((arm) => {
      const state = states.find((s) => s.arm_id === arm.id)
      const stats = { pulls: state?.pulls ?? 0, successes: state?.successes ?? 0, failures: state?.failures ?? 0 }
      const params = {
        alpha: POSTERIOR_DEFAULTS.priorAlpha + stats.successes,
        beta: POSTERIOR_DEFAULTS.priorBeta + stats.failures,
      }
      const mean = betaMean(params)
      const expectedCost = expectedOfferCost(arm, aov)
      return {
        ...arm,
        stats,
        posterior: { ...params, mean, ci95: betaCredibleInterval(params) },
        value: { expected_cost: expectedCost, expected_net_value: mean * (expectedMargin - expectedCost) },
      }
    }),
    count: arms.length,
    economics: { average_order_value: aov, expected_margin_rate: program.expected_margin_rate, expected_margin: expectedMargin },
  }
}
