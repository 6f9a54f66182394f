import { defineLink } from "@medusajs/framework/utils"
import PromotionModule from "@medusajs/medusa/promotion"
import ReferralModule from "../modules/referral"

/** Read-only: the Medusa promotion that gives a code's friends their discount. */
export default defineLink(
  { linkable: ReferralModule.linkable.referralCode, field: "promotion_id" },
  PromotionModule.linkable.promotion,
  { readOnly: true }
)
