import { normalizeCode } from "./referral-code-format"
import { refereeAmounts, type ArmLike } from "./offer"

/**
 * A Medusa promotion's fixed amount has one currency, so a fixed friend
 * discount listed in several currencies is one promotion per currency: the
 * code's own promotion in the arm's main currency, and for each other listed
 * currency an automatic promotion `CODE-EUR` that applies only to carts in that
 * currency carrying the referral code (the cart's promotion context names it,
 * see `workflows/hooks/referral-promotion-context.ts`). The shopper types one code.
 */
export const REFERRAL_CODE_CONTEXT_ATTRIBUTE = "referral_code"

export function currencyPromotionCode(code: string, currency: string): string {
  return `${normalizeCode(code)}-${currency.toUpperCase()}`
}

/** The friend's discount in each currency besides the main one: what the automatic promotions carry. */
export function otherCurrencyAmounts(arm: ArmLike): Record<string, number> {
  const amounts = refereeAmounts(arm)
  delete amounts[(arm.referee_currency_code ?? "").toLowerCase()]
  return amounts
}

/**
 * The referral codes promotion codes may stand for: each code itself, and for
 * a currency promotion (`ANNA-7K3QX9-EUR`) the referral code it belongs to.
 */
export function referralCodeCandidates(codes: string[]): string[] {
  const candidates = new Set<string>()
  for (const code of codes.map(normalizeCode)) {
    candidates.add(code)
    const base = code.replace(/-[A-Z]{3}$/, "")
    if (base !== code) {
      candidates.add(base)
    }
  }
  return [...candidates]
}
