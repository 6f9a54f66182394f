import { defineLink } from "@medusajs/framework/utils"
import OrderModule from "@medusajs/medusa/order"
import ReferralModule from "../modules/referral"

/** Read-only: the friend's order that converted a referral. */
export default defineLink(
  { linkable: ReferralModule.linkable.referral, field: "order_id" },
  OrderModule.linkable.order,
  { readOnly: true }
)
