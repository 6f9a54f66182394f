import { model } from "@medusajs/framework/utils"
import { REFERRAL_CODE_STATUSES } from "../../../types/referral/constants"
import Referral from "./referral"

/** A customer's shareable code; the Medusa promotion with the same code gives the friend the offer. */
const ReferralCode = model
  .define(
    { tableName: "referral_code", name: "ReferralCode" },
    {
      id: model.id({ prefix: "refcode" }).primaryKey(),
      code: model.text(),
      customer_id: model.text(),
      promotion_id: model.text().nullable(),
      arm_id: model.text().nullable(),
      status: model.enum([...REFERRAL_CODE_STATUSES]).default("active"),
      uses: model.number().default(0),
      referrals: model.hasMany(() => Referral, { mappedBy: "referral_code" }),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    {
      name: "IDX_referral_code_code_unique",
      on: ["code"],
      unique: true,
      where: "deleted_at IS NULL",
    },
    {
      name: "IDX_referral_code_customer_unique",
      on: ["customer_id"],
      unique: true,
      where: "deleted_at IS NULL",
    },
  ])

export default ReferralCode
