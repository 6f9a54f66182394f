import { model } from "@medusajs/framework/utils"

/**
 * Which variant of an experiment a customer is in, recorded the first time
 * the loop meets them while it runs. The variant itself is a pure function of
 * the ids (sticky by hash); the row is what results count customers by.
 */
const ReferralAssignment = model
  .define(
    { tableName: "referral_assignment", name: "ReferralAssignment" },
    {
      id: model.id({ prefix: "refasg" }).primaryKey(),
      experiment_id: model.text(),
      customer_id: model.text(),
      variant_key: model.text(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_assignment_unique",
      on: ["experiment_id", "customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_referral_assignment_variant", on: ["experiment_id", "variant_key"] },
  ])

export default ReferralAssignment
