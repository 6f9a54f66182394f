import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

export type ArmLike = {
  id: string
  referee_type: "percentage" | "fixed"
  referee_value: BigNumberInput
  referee_currency_code?: string | null
  referrer_type: "store_credit" | "percentage" | "fixed"
  referrer_value: BigNumberInput
  referrer_currency_code?: string | null
  referee_amounts?: Record<string, number> | null
  referrer_amounts?: Record<string, number> | null
}

export type OfferSide = {
  type: "percentage" | "fixed" | "store_credit"
  value: number
  /** Null for a percentage, or for a referrer amount in the store's default currency. */
  currency_code: string | null
}

/** What the friend gets: the side a code's promotion carries. */
export function refereeOffer(arm: ArmLike): OfferSide {
  return {
    type: arm.referee_type,
    value: MathBN.convert(arm.referee_value).toNumber(),
    currency_code: arm.referee_type === "fixed" ? arm.referee_currency_code ?? null : null,
  }
}

/** What the referrer earns per converted friend. */
export function referrerOffer(arm: ArmLike): OfferSide {
  return {
    type: arm.referrer_type,
    value: MathBN.convert(arm.referrer_value).toNumber(),
    currency_code: arm.referrer_type === "percentage" ? null : arm.referrer_currency_code ?? null,
  }
}

/** The promotion's application method for a discount side: the whole order, spread across its items. */
export function discountApplicationMethod(side: OfferSide) {
  if (side.type === "percentage") {
    return { type: "percentage" as const, target_type: "order" as const, allocation: "across" as const, value: side.value }
  }
  return {
    type: "fixed" as const,
    target_type: "order" as const,
    allocation: "across" as const,
    value: side.value,
    currency_code: side.currency_code ?? undefined,
  }
}

export type ReferrerReward = {
  kind: "store_credit" | "promotion"
  amount: number
  currency_code: string
  /** For promotion rewards: whether `amount` is a percentage or a money amount. */
  promotion_type?: "percentage" | "fixed"
}

/**
 * The friend's fixed discount in every currency the arm lists: the main amount
 * in `referee_currency_code`, plus `referee_amounts`. Empty for a percentage.
 */
export function refereeAmounts(arm: ArmLike): Record<string, number> {
  if (arm.referee_type !== "fixed" || !arm.referee_currency_code) {
    return {}
  }
  return listedAmounts(arm.referee_currency_code, arm.referee_value, arm.referee_amounts)
}

/** Whether a cart in `currency` gets the friend's side: a percentage works everywhere, a fixed amount only where listed. */
export function offersCurrency(arm: ArmLike, currency: string): boolean {
  return arm.referee_type === "percentage" || currency.toLowerCase() in refereeAmounts(arm)
}

/**
 * The referrer's reward for one converted friend, paid in `currency` (the one
 * the referrer spends in). A money reward needs an amount listed for that
 * currency: `referrer_value` is in `referrer_currency_code`, or in the store's
 * default currency when that is null, and `referrer_amounts` lists the others.
 * Answers null when the arm lists none, so the referral waits for an admin
 * instead of paying "10" in a currency the amount was never meant for. A
 * percentage reward is not money and has no currency of its own.
 */
export function referrerRewardFor(arm: ArmLike, currency: string, storeCurrency: string): ReferrerReward | null {
  const currency_code = currency.toLowerCase()
  if (arm.referrer_type === "percentage") {
    return { kind: "promotion", amount: MathBN.convert(arm.referrer_value).toNumber(), currency_code, promotion_type: "percentage" }
  }
  const amount = listedAmounts(arm.referrer_currency_code ?? storeCurrency, arm.referrer_value, arm.referrer_amounts)[
    currency_code
  ]
  if (amount === undefined) {
    return null
  }
  return arm.referrer_type === "store_credit"
    ? { kind: "store_credit", amount, currency_code }
    : { kind: "promotion", amount, currency_code, promotion_type: "fixed" }
}

function listedAmounts(
  mainCurrency: string,
  mainValue: BigNumberInput,
  others: Record<string, number> | null | undefined
): Record<string, number> {
  const amounts: Record<string, number> = {}
  for (const [currency, amount] of Object.entries(others ?? {})) {
    amounts[currency.toLowerCase()] = amount
  }
  amounts[mainCurrency.toLowerCase()] = MathBN.convert(mainValue).toNumber()
  return amounts
}

/** The default double-sided arm a new store starts with: friend 10% off, referrer 10 in store credit in the store's default currency. */
export const DEFAULT_ARM = {
  name: "Give 10%, get 10",
  referee_type: "percentage" as const,
  referee_value: 10,
  referrer_type: "store_credit" as const,
  referrer_value: 10,
  is_default: true,
  active: true,
}
