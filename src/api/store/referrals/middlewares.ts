import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { StoreRecordReferralClick } from "./validators"

export const storeReferralRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["GET"],
    matcher: "/store/referrals/me",
    middlewares: [authenticate("customer", ["session", "bearer"])],
  },
  {
    method: ["POST"],
    matcher: "/store/referrals/clicks",
    middlewares: [validateAndTransformBody(StoreRecordReferralClick)],
  },
]
