import { authenticate, validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimit } from "../../../utils/rate-limit"
import { StoreRecordReferralSignal } from "./validators"

export const storeSignalRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/signals",
    // Limited per customer too (after authenticate): each signal is a moment to evaluate.
    middlewares: [
      authenticate("customer", ["session", "bearer"]),
      rateLimit("signals"),
      validateAndTransformBody(StoreRecordReferralSignal),
    ],
  },
]
