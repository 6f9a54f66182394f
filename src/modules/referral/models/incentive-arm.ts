import { model } from "@medusajs/framework/utils"
import { REFEREE_OFFER_TYPES, REFERRER_OFFER_TYPES } from "../../../types/referral/constants"

/**
 * A double-sided offer. The friend's side becomes the code's Medusa promotion
 * (one per listed currency for a fixed discount); the referrer's side is what
 * the referrer earns once a referral is rewarded. A value is in its
 * `*_currency_code` (the referrer's, when null, in the store's default
 * currency); `*_amounts` list the other currencies (see `rules/offer.ts`).
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
      /** Amounts in other currencies, e.g. { "eur": 9 }; a currency listed nowhere gets no money amount. */
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
