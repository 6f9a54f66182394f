import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { checkAndRecordReferralRedemptionWorkflow } from "../../workflows/redemption/workflows/check-and-record-referral-redemption"

/**
 * Records a referral code as applied (the pending referral and its
 * `code_applied` touch) only once Medusa has accepted it: after
 * `POST /store/carts/:id/promotions` succeeded, from the codes the cart now
 * carries. A code the promotion engine refused (letter case, currency) is
 * then not counted in the funnel or by the velocity rules. The answer waits
 * for the record; a failure to record is logged and the shopper's cart is
 * answered anyway (checkout records the attempt again).
 */
export function recordAcceptedReferralCode(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  const send = res.json.bind(res)
  res.json = (body: unknown) => {
    if (res.statusCode < 200 || res.statusCode >= 300) {
      return send(body)
    }
    // The codes just added: their discount was recomputed with the code's current offer, so an attempt
    // refused earlier for a withdrawn offer is checked afresh (see `isOfferActive`).
    const promo_codes = (req.body as { promo_codes?: unknown } | undefined)?.promo_codes
    checkAndRecordReferralRedemptionWorkflow(req.scope)
      .run({ input: { cart_id: req.params.id, promo_codes: Array.isArray(promo_codes) ? promo_codes.map(String) : [] } })
      .catch((error) =>
        req.scope
          .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
          .warn(`Could not record the referral code on cart ${req.params.id}: ${(error as Error)?.message}`)
      )
      .finally(() => send(body))
    return res
  }
  next()
}
