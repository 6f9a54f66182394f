import { model } from "@medusajs/framework/utils"
import { VARIANT_KINDS } from "../../../types/referral/constants"
import ReferralExperiment from "./referral-experiment"

/**
 * One arm of an experiment: `bandit`, `fixed_arm` (with `arm_id`) or
 * `holdout` for policy experiments; `llm` or `template` for message ones.
 * `weight` is its share of traffic relative to the others.
 */
const ReferralVariant = model
  .define(
    { tableName: "referral_variant", name: "ReferralVariant" },
    {
      id: model.id({ prefix: "refvar" }).primaryKey(),
      experiment: model.belongsTo(() => ReferralExperiment, { mappedBy: "variants" }),
      key: model.text(),
      kind: model.enum([...VARIANT_KINDS]),
      arm_id: model.text().nullable(),
      weight: model.number().default(1),
    }
  )
  .indexes([
    { name: "IDX_referral_variant_key_unique", on: ["experiment_id", "key"], unique: true, where: "deleted_at IS NULL" },
  ])

export default ReferralVariant
