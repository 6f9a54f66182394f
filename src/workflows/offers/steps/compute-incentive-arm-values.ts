import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { allContexts, betaCredibleInterval, betaMean, contextKey, pooledPosterior, POSTERIOR_DEFAULTS } from "../../../ml/bandit"
import { REFERRAL_MODULE } from "../../../modules/referral"
import { GLOBAL_CONTEXT } from "../../../modules/referral/service"
import type { ArmContextRecord, IReferralModuleService } from "../../../types"
import { expectedOfferCost } from "../../../rules/offer-cost"
import { averageOrderValues, DEFAULT_AVERAGE_ORDER_VALUE } from "../../../analytics/store-economics"
import { storeDefaultCurrency } from "../../attribution/utils/referrer-currency"

export const computeIncentiveArmValuesStepId = "compute-incentive-arm-values"

/**
 * The offers the bandit chooses from, each with its overall record (pulls,
 * successes, failures), its posterior conversion rate over all contexts (mean
 * and 95% credible interval) and the bandit's value model: what a conversion
 * is expected to cost and what an offer is expected to net, at the average
 * order value and the program's expected margin of each currency the store
 * sells in (never across currencies; `economics` and `value` are those of the
 * store's default currency, `economics_by_currency` and `value_by_currency`
 * every currency's). Also what was learned per context: each context with
 * data, with the pooled posterior the bandit samples from there. Writes nothing.
 */
export const computeIncentiveArmValuesStep = createStep(
  computeIncentiveArmValuesStepId,
  async (_: void, { container }) => new StepResponse(await incentiveArmValues(container))
)

async function incentiveArmValues(container: MedusaContainer) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const [{ data: arms }, { data: states }, program, aovs, storeCurrency] = await Promise.all([
    query.graph({ entity: "incentive_arm", fields: ["*"], pagination: { order: { created_at: "ASC" } } }),
    // Every context's row: at most arms × 48, plus rows of retired contexts, which are skipped.
    query.graph({ entity: "bandit_state", fields: ["arm_id", "context_key", "pulls", "successes", "failures"] }),
    referrals.retrieveProgramSettings(),
    averageOrderValues(container),
    storeDefaultCurrency(container, "usd"),
  ])
  const currencies = [...new Set([storeCurrency, ...Object.keys(aovs)])].sort()
  const economics = currencies.map((currency_code) => {
    const aov = aovs[currency_code] ?? DEFAULT_AVERAGE_ORDER_VALUE
    return {
      currency_code,
      average_order_value: aov,
      expected_margin_rate: program.expected_margin_rate,
      expected_margin: program.expected_margin_rate * aov,
    }
  })
  const storeEconomics = economics.find((row) => row.currency_code === storeCurrency)!
  return {
    arms: arms.map((arm) => {
      const armStates = states.filter((s) => s.arm_id === arm.id)
      const state = armStates.find((s) => s.context_key === GLOBAL_CONTEXT)
      const stats = { pulls: state?.pulls ?? 0, successes: state?.successes ?? 0, failures: state?.failures ?? 0 }
      const params = {
        alpha: POSTERIOR_DEFAULTS.priorAlpha + stats.successes,
        beta: POSTERIOR_DEFAULTS.priorBeta + stats.failures,
      }
      const mean = betaMean(params)
      // Null where the arm lists no amount in that currency: the offer is not made there.
      const valueIn = (row: (typeof economics)[number]) => {
        const expectedCost = expectedOfferCost(arm, row.average_order_value, row.currency_code, storeCurrency)
        return expectedCost === null
          ? null
          : { expected_cost: expectedCost, expected_net_value: mean * (row.expected_margin - expectedCost) }
      }
      return {
        ...arm,
        stats,
        posterior: { ...params, mean, ci95: betaCredibleInterval(params) },
        value: valueIn(storeEconomics),
        value_by_currency: Object.fromEntries(economics.map((row) => [row.currency_code, valueIn(row)])),
        contexts: contextRecords(armStates, stats),
      }
    }),
    count: arms.length,
    economics: {
      currency_code: storeCurrency,
      average_order_value: storeEconomics.average_order_value,
      expected_margin_rate: program.expected_margin_rate,
      expected_margin: storeEconomics.expected_margin,
    },
    economics_by_currency: economics,
  }
}

type CountsRow = { context_key: string; pulls: number; successes: number; failures: number }

/**
 * An arm's record per context, for the contexts with data, in `allContexts`
 * order: counts, and the posterior the bandit samples from there (the
 * context's outcomes pooled toward the arm's global record, as `chooseArm`
 * does). Rows of contexts no longer in use (the tier "new" before first-time
 * buyers were split) match no context and are left out.
 */
function contextRecords(rows: CountsRow[], global: { successes: number; failures: number }): ArmContextRecord[] {
  const byKey = new Map(rows.map((row) => [row.context_key, row]))
  return allContexts().flatMap((context) => {
    const context_key = contextKey(context)
    const row = byKey.get(context_key)
    if (!row || row.pulls + row.successes + row.failures === 0) {
      return []
    }
    const counts = { pulls: row.pulls, successes: row.successes, failures: row.failures }
    const posterior = pooledPosterior(counts, global)
    return [{ context_key, ...context, ...counts, mean: betaMean(posterior), interval: betaCredibleInterval(posterior) }]
  })
}
