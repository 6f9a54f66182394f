import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import {
  currencyPromotionCode,
  otherCurrencyAmounts,
  REFERRAL_CODE_CONTEXT_ATTRIBUTE,
} from "../../../rules/currency-promotions"
import type { ArmLike } from "../../../rules/offer"

/**
 * Gives a referral code one automatic promotion per extra currency its arm's
 * fixed friend discount lists (see `rules/currency-promotions.ts`), each with
 * the amount listed for it; those of currencies the arm no longer lists are
 * switched off, never deleted (orders point at them). Those listed are active
 * only while the code is `live`, like its own promotion (see
 * `rules/code-promotions.ts`). Answers the ids of the promotions it created, so
 * a step can undo them.
 */
export async function syncCurrencyPromotions(
  container: MedusaContainer,
  code: string,
  arm: ArmLike,
  live: boolean
): Promise<string[]> {
  const promotions = container.resolve(Modules.PROMOTION)
  const wanted = otherCurrencyAmounts(arm)
  const existing = await promotions.listPromotions(
    { code: { $like: `${code}-%` }, is_automatic: true },
    { relations: ["application_method"] }
  )
  const method = (currency: string) => ({
    type: "fixed" as const,
    target_type: "order" as const,
    allocation: "across" as const,
    value: wanted[currency],
    currency_code: currency,
  })

  const status = live ? ("active" as const) : ("inactive" as const)
  const updates = existing.map((promotion) => {
    const currency = promotion.application_method?.currency_code?.toLowerCase() ?? ""
    return currency in wanted
      ? { id: promotion.id, status, application_method: method(currency) }
      : { id: promotion.id, status: "inactive" as const }
  })
  if (updates.length) {
    await promotions.updatePromotions(updates)
  }

  const have = new Set(existing.map((promotion) => promotion.application_method?.currency_code?.toLowerCase()))
  const missing = Object.keys(wanted).filter((currency) => !have.has(currency))
  if (!missing.length) {
    return []
  }
  const created = await promotions.createPromotions(
    missing.map((currency) => ({
      code: currencyPromotionCode(code, currency),
      type: "standard" as const,
      status,
      is_automatic: true,
      application_method: method(currency),
      rules: [{ attribute: REFERRAL_CODE_CONTEXT_ATTRIBUTE, operator: "eq" as const, values: [code] }],
      metadata: { referral: true, referral_code: code },
    }))
  )
  return created.map((promotion) => promotion.id)
}
