import { model } from "@medusajs/framework/utils"
import { REWARD_KINDS, REWARD_ROLES, REWARD_STATUSES } from "../../../types/referral/constants"
import Referral from "./referral"

/**
 * What one side of a referral earns. Unique per (referral, role), so however
 * often an event is delivered a reward exists once. Referrer rewards wait as
 * `held` until `release_at`, then become `issued` (store credit or a one-use
 * code, its id in `external_reference`) or `revoked` on clawback. The friend's
 * reward is the discount they got at checkout, recorded as issued.
 */
const ReferralReward = model
  .define(
    { tableName: "referral_reward", name: "ReferralReward" },
    {
      id: model.id({ prefix: "refrwd" }).primaryKey(),
      referral: model.belongsTo(() => Referral, { mappedBy: "rewards" }),
      customer_id: model.text().nullable(),
      role: model.enum([...REWARD_ROLES]),
      kind: model.enum([...REWARD_KINDS]),
      amount: model.bigNumber(),
      currency_code: model.text(),
      status: model.enum([...REWARD_STATUSES]).default("held"),
      release_at: model.dateTime().nullable(),
      issued_at: model.dateTime().nullable(),
      revoked_at: model.dateTime().nullable(),
      external_reference: model.text().nullable(),
      note: model.text().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_reward_referral_role_unique",
      on: ["referral_id", "role"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    { name: "IDX_referral_reward_status_release", on: ["status", "release_at"] },
    { name: "IDX_referral_reward_customer", on: ["customer_id"] },
    { name: "IDX_referral_reward_created", on: ["created_at"] },
  ])

export default ReferralReward
