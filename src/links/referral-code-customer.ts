import { defineLink } from "@medusajs/framework/utils"
import CustomerModule from "@medusajs/medusa/customer"
import ReferralModule from "../modules/referral"

/** Read-only: the code stores its owner's id, so Query can join the customer without a link table. */
export default defineLink(
  { linkable: ReferralModule.linkable.referralCode, field: "customer_id" },
  CustomerModule.linkable.customer,
  { readOnly: true }
)
