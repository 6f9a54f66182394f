import type { MiddlewareRoute } from "@medusajs/framework/http"
import { recordCartOrigin } from "../../utils/record-cart-origin"

/** Medusa's own cart routes where a referral code meets a cart: note where the request came from first. */
export const storeCartOriginMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/carts/:id/promotions",
    middlewares: [recordCartOrigin],
  },
  {
    method: ["POST"],
    matcher: "/store/carts/:id/complete",
    middlewares: [recordCartOrigin],
  },
]
