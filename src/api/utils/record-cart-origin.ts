import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { Logger } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { REFERRAL_MODULE } from "../../types/modules"
import type { IReferralModuleService } from "../../types"
import type { CartOrigin } from "../../types/referral/cart-origin"
import { normalizeCode } from "../../rules/referral-code-format"
import { clientAddressOf } from "./client-address"
import { VISITOR_ID_HEADER } from "./rate-limit"
import { isReferralSource, REFERRAL_SOURCE_HEADER, type ReferralSource } from "../../types/referral/referral-source"

/** The storefront's word on how the shopper found the code (`x-referral-source: code|link|name`); anything else is ignored. */
function referralSourceOf(req: MedusaRequest): ReferralSource | null {
  const value = req.get(REFERRAL_SOURCE_HEADER)?.trim().toLowerCase()
  return isReferralSource(value) ? value : null
}

/** The promotion codes a request adds to the cart and the ones it carries already. */
async function codesInPlay(req: MedusaRequest): Promise<{ codes: string[]; completed: boolean } | null> {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const {
    data: [cart],
  } = await query.graph({ entity: "cart", fields: ["id", "completed_at", "promotions.code"], filters: { id: req.params.id } })
  if (!cart) {
    return null
  }
  const adding = (req.body as { promo_codes?: unknown } | undefined)?.promo_codes
  const codes = [...(cart.promotions ?? []).map((promotion) => promotion?.code), ...(Array.isArray(adding) ? adding : [])]
  return {
    codes: [...new Set(codes.filter((code): code is string => typeof code === "string" && !!code).map(normalizeCode))],
    completed: !!cart.completed_at,
  }
}

/**
 * Records where a cart request comes from (client address, `x-visitor-id`,
 * and how the code was found, `x-referral-source`) before Medusa's handler
 * runs, for the velocity fraud rule: Medusa's cart hooks, where the referral
 * attempt is recorded, get no request. Only an open cart that carries or is
 * being given a referral code gets a row, in the plugin's own table (never the
 * cart's metadata, which Medusa copies into the order), and the row goes once
 * the referral is decided. Never blocks checkout: a failure is logged and the
 * request goes on.
 */
export async function recordCartOrigin(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const cart = await codesInPlay(req)
    const referrals = req.scope.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const hasReferralCode =
      !!cart && !cart.completed && !!cart.codes.length && (await referrals.listReferralCodes({ code: cart.codes }, { take: 1, select: ["id"] })).length > 0
    if (hasReferralCode) {
      const origin: CartOrigin = {
        ip: clientAddressOf(req),
        visitor_id: req.get(VISITOR_ID_HEADER)?.trim().slice(0, 128) || null,
        source: referralSourceOf(req),
      }
      await referrals.recordCartOrigin(req.params.id, origin)
    }
  } catch (error) {
    req.scope
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`Could not record the origin of cart ${req.params.id}: ${(error as Error)?.message}`)
  }
  next()
}
