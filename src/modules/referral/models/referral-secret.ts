import { model } from "@medusajs/framework/utils"

/**
 * A secret the plugin generated for this store, by name: the key of the keyed
 * hashes fraud flags store instead of another customer's address or device
 * (`utils/store-secret`). Created once, never shown through the API.
 */
const ReferralSecret = model
  .define(
    { tableName: "referral_secret", name: "ReferralSecret" },
    {
      id: model.id({ prefix: "refsec" }).primaryKey(),
      name: model.text(),
      value: model.text(),
    }
  )
  .indexes([{ name: "IDX_referral_secret_name_unique", on: ["name"], unique: true, where: "deleted_at IS NULL" }])

export default ReferralSecret
