import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimit } from "../../../utils/rate-limit"
import { StoreRecordReferralClick } from "./validators"

/** Public: a friend opened a share link. */
export const storeClickRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/clicks",
    // Counted before validation, so malformed floods are limited too.
    middlewares: [rateLimit("clicks"), validateAndTransformBody(StoreRecordReferralClick)],
  },
]
