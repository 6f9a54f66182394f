import { model } from "@medusajs/framework/utils"
import { EXPERIMENT_DIMENSIONS, EXPERIMENT_STATUSES } from "../../../types/referral/constants"
import ReferralVariant from "./referral-variant"

/**
 * An A/B test of one dimension of the loop: `policy` (bandit vs a fixed offer
 * vs a holdout that is never asked, for incrementality) or `message` (LLM vs
 * template). Customers are assigned stickily by a hash of their id and the
 * experiment's id. At most one experiment per dimension runs at a time.
 */
const ReferralExperiment = model
  .define(
    { tableName: "referral_experiment", name: "ReferralExperiment" },
    {
      id: model.id({ prefix: "refexp" }).primaryKey(),
      name: model.text(),
      dimension: model.enum([...EXPERIMENT_DIMENSIONS]),
      status: model.enum([...EXPERIMENT_STATUSES]).default("running"),
      control_key: model.text(),
      started_at: model.dateTime(),
      stopped_at: model.dateTime().nullable(),
      variants: model.hasMany(() => ReferralVariant, { mappedBy: "experiment" }),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_experiment_one_running_per_dimension",
      on: ["dimension"],
      unique: true,
      where: "status = 'running' AND deleted_at IS NULL",
    },
  ])

export default ReferralExperiment
