import { model } from "@medusajs/framework/utils"
import { REFERRAL_SOURCES } from "../../../types/referral/referral-source"

/**
 * Where a cart that carries a referral code was last used from: the client
 * address and the storefront's visitor id, for the velocity fraud rule, and
 * how the shopper came by the code. Medusa's cart hooks get no request, so a
 * middleware on the cart routes writes this and the referral attempt reads it.
 * Kept here rather than in the cart's metadata, which Medusa copies into every
 * order for good; only carts with a referral code get a row, and the row is
 * deleted once the referral is decided (see `forgetCartOriginStep`).
 */
const ReferralCartOrigin = model
  .define(
    { tableName: "referral_cart_origin", name: "ReferralCartOrigin" },
    {
      id: model.id({ prefix: "refco" }).primaryKey(),
      cart_id: model.text(),
      ip: model.text().nullable(),
      visitor_id: model.text().nullable(),
      source: model.enum([...REFERRAL_SOURCES]).nullable(),
    }
  )
  .indexes([
    { name: "IDX_referral_cart_origin_cart_unique", on: ["cart_id"], unique: true },
    // The retention job deletes origins of carts abandoned with a code by this column.
    { name: "IDX_referral_cart_origin_updated", on: ["updated_at"] },
  ])

export default ReferralCartOrigin
