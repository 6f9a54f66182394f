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
}

export type OfferSide = {
  type: "percentage" | "fixed" | "store_credit"
  value: number
  /** Null means "in the currency of the friend's order". */
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

/** The referrer's reward for one converted friend, in the order's currency unless the arm fixes one. */
export function referrerRewardFor(arm: ArmLike, orderCurrency: string): ReferrerReward {
  const side = referrerOffer(arm)
  const currency_code = (side.currency_code ?? orderCurrency).toLowerCase()
  if (side.type === "store_credit") {
    return { kind: "store_credit", amount: side.value, currency_code }
  }
  return { kind: "promotion", amount: side.value, currency_code, promotion_type: side.type }
}

/** The default double-sided arm a new store starts with: friend 10% off, referrer 10 in store credit. */
export const DEFAULT_ARM = {
  name: "Give 10%, get 10",
  referee_type: "percentage" as const,
  referee_value: 10,
  referrer_type: "store_credit" as const,
  referrer_value: 10,
  is_default: true,
  active: true,
}
