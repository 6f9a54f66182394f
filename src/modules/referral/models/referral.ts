import { model } from "@medusajs/framework/utils"
import ReferralCode from "./referral-code"
import ReferralReward from "./referral-reward"
import { REFERRAL_STATUSES } from "../../../types/referral/constants"
import type { StoredReferralFlag } from "../../../types/referral/flags"


/**
 * One friend's use of a code: recorded when the code meets a cart (pending, or
 * rejected with the reason), converted when the order is placed, rewarded when
 * the referrer's reward is issued. `review` waits for an admin's decision.
 */
const Referral = model
  .define(
    { tableName: "referral", name: "Referral" },
    {
      id: model.id({ prefix: "ref" }).primaryKey(),
      code: model.text(),
      referral_code: model.belongsTo(() => ReferralCode, { mappedBy: "referrals" }),
      referrer_customer_id: model.text(),
      referee_customer_id: model.text().nullable(),
      referee_email: model.text().nullable(),
      status: model.enum([...REFERRAL_STATUSES]).default("pending"),
      reason: model.text().nullable(),
      cart_id: model.text().nullable(),
      order_id: model.text().nullable(),
      order_total: model.bigNumber().nullable(),
      currency_code: model.text().nullable(),
      arm_id: model.text().nullable(),
      variant: model.text().nullable(),
      attributed_at: model.dateTime().nullable(),
      converted_at: model.dateTime().nullable(),
      /** Fraud rules that held the conversion for review, each `{ rule, refs }` (older rows `{ rule, message }`); null when none fired. */
      flags: model.json<StoredReferralFlag[]>().nullable(),
      /** The shopper's address (an IPv6 /64) and visitor id at the last attempt (see `record-cart-origin`), for the velocity rule. */
      ip_address: model.text().nullable(),
      visitor_id: model.text().nullable(),
      /** How the friend came by the code: "code" (typed), "link" (share link) or "name" ("who referred you?"); see REFERRAL_SOURCES. */
      source: model.text().nullable(),
      rewards: model.hasMany(() => ReferralReward, { mappedBy: "referral" }),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_cart_unique",
      on: ["cart_id"],
      unique: true,
      where: "cart_id IS NOT NULL AND deleted_at IS NULL",
    },
    {
      name: "IDX_referral_order_unique",
      on: ["order_id"],
      unique: true,
      where: "order_id IS NOT NULL AND deleted_at IS NULL",
    },
    { name: "IDX_referral_referrer_status", on: ["referrer_customer_id", "status"] },
    { name: "IDX_referral_status_created", on: ["status", "created_at"] },
    // The velocity rule counts recent attempts per address and per device.
    { name: "IDX_referral_ip_created", on: ["ip_address", "created_at"], where: "ip_address IS NOT NULL AND deleted_at IS NULL" },
    { name: "IDX_referral_visitor_created", on: ["visitor_id", "created_at"], where: "visitor_id IS NOT NULL AND deleted_at IS NULL" },
    // Metrics count conversions by when they happened.
    { name: "IDX_referral_converted_at", on: ["converted_at"], where: "converted_at IS NOT NULL AND deleted_at IS NULL" },
  ])

export default Referral
