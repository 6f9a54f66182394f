import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { compareProportions, probabilityBest } from "../../../ml/stats"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { type Money, sumByCurrency } from "../../../utils/money"
import { MathBN } from "@medusajs/framework/utils"

export const computeExperimentResultsStepId = "compute-experiment-results"

/**
 * Per variant: the funnel (customers assigned, asked, who referred, conversions),
 * K, referred revenue, incentive cost and net value (revenue × the program's
 * margin rate − cost), per currency; against the control: the difference in
 * the share of customers who referred, with its 95% interval and a
 * two-proportion test; and the probability each variant is best.
 */
export const computeExperimentResultsStep = createStep(
  computeExperimentResultsStepId,
  async (input: { id: string }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [outcomes, variants, settings] = await Promise.all([
      referrals.listExperimentOutcomes(input.id),
      referrals.listReferralVariants({ experiment_id: input.id }, { order: { created_at: "ASC" } }),
      referrals.retrieveProgramSettings(),
    ])
    const count = (rows: Record<string, unknown>[], key: string, field = "n") =>
      Number(rows.find((row) => row.variant_key === key)?.[field] ?? 0)
    const money = (rows: Record<string, unknown>[], key: string, field: string): Money[] =>
      sumByCurrency(
        rows
          .filter((row) => row.variant_key === key && row[field] !== null)
          .map((row) => ({ amount: String(row[field]), currency_code: String(row.currency_code) }))
      )

    const measured = variants.map((variant) => {
      const customers = count(outcomes.customers, variant.key)
      const referrers = count(outcomes.conversions, variant.key, "referrers")
      const conversions = count(outcomes.conversions, variant.key, "conversions")
      const revenue = money(outcomes.revenue, variant.key, "revenue")
      const cost = money(outcomes.costs, variant.key, "cost")
      const currencies = [...new Set([...revenue, ...cost].map((m) => m.currency_code))].sort()
      return {
        key: variant.key,
        kind: variant.kind,
        arm_id: variant.arm_id,
        customers,
        asked: count(outcomes.asked, variant.key),
        referrers,
        conversions,
        referral_rate: customers ? referrers / customers : null,
        k: customers ? conversions / customers : null,
        revenue,
        incentive_cost: cost,
        net_value: currencies.map((currency_code) => {
          const earned = revenue.find((m) => m.currency_code === currency_code)?.amount ?? 0
          const spent = cost.find((m) => m.currency_code === currency_code)?.amount ?? 0
          return {
            currency_code,
            amount: MathBN.sub(MathBN.mult(earned, settings.expected_margin_rate), spent).toNumber(),
          }
        }),
      }
    })
    const control = measured.find((v) => v.key === outcomes.experiment.control_key)
    const best = probabilityBest(measured.map((v) => ({ successes: v.referrers, trials: v.customers })))
    return new StepResponse({
      experiment: {
        id: outcomes.experiment.id,
        name: outcomes.experiment.name,
        dimension: outcomes.experiment.dimension,
        status: outcomes.experiment.status,
        control_key: outcomes.experiment.control_key,
        started_at: outcomes.experiment.started_at,
        stopped_at: outcomes.experiment.stopped_at,
      },
      variants: measured.map((variant, i) => ({
        ...variant,
        probability_best: best[i],
        vs_control:
          control && variant.key !== control.key
            ? compareProportions(variant.referrers, variant.customers, control.referrers, control.customers)
            : null,
      })),
    })
  }
)
