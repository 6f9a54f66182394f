import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** A shopper enters a code or two; more in one request is someone testing codes in bulk. */
export const MAX_PROMOTION_CODES_PER_REQUEST = 3

/** Refuses `POST /store/carts/:id/promotions` with more than `MAX_PROMOTION_CODES_PER_REQUEST` codes (400). */
export function limitPromotionCodes(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const codes = (req.body as { promo_codes?: unknown } | undefined)?.promo_codes
  if (Array.isArray(codes) && codes.length > MAX_PROMOTION_CODES_PER_REQUEST) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Enter at most ${MAX_PROMOTION_CODES_PER_REQUEST} promotion codes at a time.`
      )
    )
  }
  next()
}
