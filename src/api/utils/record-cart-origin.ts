import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { ICartModuleService, Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { CART_ORIGIN_KEY, cartOriginOf, type CartOrigin } from "../../utils/cart-origin"
import { normalizeIp } from "../../utils/ip-address"
import { VISITOR_ID_HEADER } from "./rate-limit"
import { isReferralSource, REFERRAL_SOURCE_HEADER, type ReferralSource } from "../../types/referral/referral-source"

/** The storefront's word on how the shopper found the code (`x-referral-source: code|link|name`); anything else is ignored. */
function referralSourceOf(req: MedusaRequest): ReferralSource | null {
  const value = req.get(REFERRAL_SOURCE_HEADER)?.trim().toLowerCase()
  return isReferralSource(value) ? value : null
}

/**
 * Records where a cart request comes from (client address, `x-visitor-id`,
 * and how the code was found, `x-referral-source`)
 * in the cart's metadata before Medusa's handler runs, for the velocity fraud
 * rule. Medusa's cart hooks, where the referral attempt is recorded, get no
 * request; the cart is the record both the hook and this middleware share, so
 * the origin travels with it without a table of its own. Only an open cart
 * whose origin changed is written (metadata is merged key by key). Never blocks
 * checkout: a failure here is logged and the request goes on.
 */
export async function recordCartOrigin(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const origin: CartOrigin = {
      ip: normalizeIp(req.ip ?? req.socket?.remoteAddress),
      visitor_id: req.get(VISITOR_ID_HEADER)?.trim().slice(0, 128) || null,
      source: referralSourceOf(req),
    }
    const carts = req.scope.resolve<ICartModuleService>(Modules.CART)
    const [cart] = await carts.listCarts({ id: req.params.id }, { select: ["id", "metadata", "completed_at"], take: 1 })
    const known = cart ? cartOriginOf(cart.metadata) : null
    if (cart && !cart.completed_at && (known?.ip !== origin.ip || known?.visitor_id !== origin.visitor_id || known?.source !== origin.source)) {
      await carts.updateCarts(cart.id, { metadata: { [CART_ORIGIN_KEY]: origin } })
    }
  } catch (error) {
    req.scope
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`Could not record the origin of cart ${req.params.id}: ${(error as Error)?.message}`)
  }
  next()
}
