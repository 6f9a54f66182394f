import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { betaCredibleInterval, betaMean, POSTERIOR_DEFAULTS } from "../../../../ml/bandit"
import { REFERRAL_MODULE } from "../../../../modules/referral"
import { GLOBAL_CONTEXT } from "../../../../modules/referral/service"
import type ReferralModuleService from "../../../../modules/referral/service"
import type { ArmLike } from "../../../../utils/offer"
import { expectedOfferCost } from "../../../../utils/offer-cost"
import { saveIncentiveArmWorkflow } from "../../../../workflows"
import { averageOrderValue } from "../../../../workflows/moments/utils/store-economics"
import type { AdminCreateIncentiveArmType } from "./validators"
import type { AdminIncentiveArmListResponse, AdminIncentiveArmResponse } from "../../../../types"

/**
 * The offers the bandit chooses from, each with its overall record (pulls,
 * successes, failures), its posterior conversion rate over all contexts (mean
 * and 95% credible interval) and the bandit's value model: what a conversion
 * is expected to cost and what an offer is expected to net, at the store's
 * average order value and the program's expected margin.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminIncentiveArmListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const referrals = req.scope.resolve<ReferralModuleService>(REFERRAL_MODULE)
  const [{ data: arms }, { data: states }, program, aov] = await Promise.all([
    query.graph({ entity: "incentive_arm", fields: ["*"], pagination: { order: { created_at: "ASC" } } }),
    query.graph({
      entity: "bandit_state",
      fields: ["arm_id", "pulls", "successes", "failures"],
      filters: { context_key: GLOBAL_CONTEXT },
    }),
    referrals.getProgramSettings(),
    averageOrderValue(req.scope),
  ])
  const expectedMargin = program.expected_margin_rate * aov
  res.json({
    arms: arms.map((arm) => {
      const state = states.find((s) => s.arm_id === arm.id)
      const stats = { pulls: state?.pulls ?? 0, successes: state?.successes ?? 0, failures: state?.failures ?? 0 }
      const params = {
        alpha: POSTERIOR_DEFAULTS.priorAlpha + stats.successes,
        beta: POSTERIOR_DEFAULTS.priorBeta + stats.failures,
      }
      const mean = betaMean(params)
      const expectedCost = expectedOfferCost(arm as unknown as ArmLike, aov)
      return {
        ...arm,
        stats,
        posterior: { ...params, mean, ci95: betaCredibleInterval(params) },
        value: { expected_cost: expectedCost, expected_net_value: mean * (expectedMargin - expectedCost) },
      }
    }),
    count: arms.length,
    economics: { average_order_value: aov, expected_margin_rate: program.expected_margin_rate, expected_margin: expectedMargin },
  })
}

/** Create an offer. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateIncentiveArmType>, res: MedusaResponse<AdminIncentiveArmResponse>) => {
  const { result: arm } = await saveIncentiveArmWorkflow(req.scope).run({ input: { data: req.validatedBody } })
  res.status(201).json({ arm })
}
