import { model } from "@medusajs/framework/utils"
import { REFEREE_OFFER_TYPES, REFERRER_OFFER_TYPES } from "../../../types/referral/constants"

/**
 * A double-sided offer. The friend's side becomes the code's Medusa promotion;
 * the referrer's side is what the referrer earns once a referral is rewarded.
 * Amounts are in `*_currency_code`, or in the order's currency when that is null.
 */
const IncentiveArm = model
  .define(
    { tableName: "incentive_arm", name: "IncentiveArm" },
    {
      id: model.id({ prefix: "refarm" }).primaryKey(),
      name: model.text(),
      referee_type: model.enum([...REFEREE_OFFER_TYPES]),
      referee_value: model.bigNumber(),
      referee_currency_code: model.text().nullable(),
      referrer_type: model.enum([...REFERRER_OFFER_TYPES]),
      referrer_value: model.bigNumber(),
      referrer_currency_code: model.text().nullable(),
      /** Per-currency amounts for fixed sides, e.g. { "eur": 9 }; a currency not listed uses the value above. */
      referee_amounts: model.json<Record<string, number>>().nullable(),
      referrer_amounts: model.json<Record<string, number>>().nullable(),
      is_default: model.boolean().default(false),
      active: model.boolean().default(true),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_incentive_arm_one_default",
      on: ["is_default"],
      unique: true,
      where: "is_default = true AND deleted_at IS NULL",
    },
  ])

export default IncentiveArm
