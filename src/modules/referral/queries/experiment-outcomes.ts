import { MedusaError } from "@medusajs/framework/utils"
import { CONVERTED_REFERRAL_STATUSES } from "../../../types/referral/constants"
import type { Knex } from "../lib/transaction"

/**
 * Per variant of an experiment: customers assigned, customers asked, those
 * with at least one converted referral during the experiment, conversions,
 * referred revenue and incentive cost per currency. Set-based, one query each.
 */
export async function listExperimentOutcomes(knex: Knex, experimentId: string) {
  const [experiment] = await knex("referral_experiment").where({ id: experimentId }).whereNull("deleted_at")
  if (!experiment) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Experiment with id ${experimentId} was not found`)
  }
  const end = experiment.stopped_at ?? new Date()
  const converted = knex("referral as r")
    .join("referral_assignment as a", function () {
      this.on("a.customer_id", "r.referrer_customer_id").andOn("a.experiment_id", knex.raw("?", [experimentId]))
    })
    .whereIn("r.status", [...CONVERTED_REFERRAL_STATUSES])
    .whereNull("r.deleted_at")
    .whereBetween("r.converted_at", [experiment.started_at, end])
  const [customers, asked, conversions, revenue, costs] = await Promise.all([
    knex("referral_assignment").select("variant_key").count("id as n").where({ experiment_id: experimentId })
      .whereNull("deleted_at").groupBy("variant_key"),
    knex("referral_assignment as a")
      .join("referral_prompt as p", "p.customer_id", "a.customer_id")
      .where("a.experiment_id", experimentId)
      .whereBetween("p.created_at", [experiment.started_at, end])
      .select("a.variant_key").countDistinct("a.customer_id as n").groupBy("a.variant_key"),
    converted.clone().select("a.variant_key").count("r.id as conversions")
      .countDistinct("r.referrer_customer_id as referrers").groupBy("a.variant_key"),
    converted.clone().select("a.variant_key", "r.currency_code").sum("r.order_total as revenue")
      .groupBy("a.variant_key", "r.currency_code"),
    converted.clone()
      .join("referral_reward as w", "w.referral_id", "r.id")
      .whereNot("w.status", "revoked")
      .whereNull("w.deleted_at")
      .whereRaw("coalesce(w.metadata ->> 'promotion_type', 'fixed') <> 'percentage'")
      .select("a.variant_key", "w.currency_code").sum("w.amount as cost")
      .groupBy("a.variant_key", "w.currency_code"),
  ])
  return { experiment, customers, asked, conversions, revenue, costs }
}
