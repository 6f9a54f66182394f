import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { rateLimit } from "../../../utils/rate-limit"
import { StoreLookupReferrer } from "./validators"

/** Public: "who referred you?", limited per address and browser like the other public routes. */
export const storeLookupRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/store/referrals/lookup",
    // Counted before validation, so malformed floods are limited too.
    middlewares: [rateLimit("lookup"), validateAndTransformBody(StoreLookupReferrer)],
  },
]
