import type { MiddlewareRoute } from "@medusajs/framework/http"
import { limitCodeRefusals } from "../../utils/limit-code-refusals"
import { limitPromotionCodes } from "../../utils/limit-promotion-codes"
import { recordAcceptedReferralCode } from "../../utils/record-accepted-referral-code"
import { recordCartOrigin } from "../../utils/record-cart-origin"

/**
 * Medusa's own cart routes where a referral code meets a cart: refusals are
 * counted and limited (a too-long list of codes is one), the request's origin
 * is noted, and an accepted referral code is recorded once Medusa accepted it.
 */
export const storeCartOriginMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/promotions",
    middlewares: [limitCodeRefusals, limitPromotionCodes, recordCartOrigin, recordAcceptedReferralCode],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/complete",
    middlewares: [recordCartOrigin],
  },
]
