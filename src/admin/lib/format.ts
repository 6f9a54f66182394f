import type { OfferSideResponse } from "../../types"

/** Display helpers shared by the admin widgets and the Referrals page. */

export const formatMoney = (amount: number | string | null | undefined, currencyCode: string) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency: currencyCode.toUpperCase() }).format(
    Number(amount ?? 0)
  )

/** A ratio (0.125) as a percentage ("12.5%"); "–" when there is no ratio to show. */
export const formatPercent = (ratio: number | null | undefined, digits = 1) =>
  ratio === null || ratio === undefined || Number.isNaN(ratio) ? "–" : `${(ratio * 100).toFixed(digits)}%`

export const formatDate = (value: string | Date | null | undefined) =>
  value ? new Date(value).toLocaleDateString() : "–"

/**
 * One side of an offer in words: "10% off", "$10 off", "$10 store credit"; a
 * referrer's percentage or fixed reward is a discount code for their next order.
 * No currency (a referrer amount in the store's default currency) shows a bare number.
 */
export const formatOfferSide = (side: OfferSideResponse | null | undefined, role: "referee" | "referrer") => {
  if (!side) {
    return "–"
  }
  const amount =
    side.type === "percentage"
      ? `${side.value}%`
      : side.currency_code
        ? formatMoney(side.value, side.currency_code)
        : String(side.value)
  const inStoreCurrency = side.type !== "percentage" && !side.currency_code ? " (store currency)" : ""
  if (side.type === "store_credit") {
    return `${amount} store credit${inStoreCurrency}`
  }
  return `${amount} off${role === "referrer" ? " code" : ""}${inStoreCurrency}`
}

/** A count with digit grouping ("1,234"); "–" when there is none (e.g. not measured for this grouping). */
export const formatCount = (value: number | null | undefined) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : new Intl.NumberFormat().format(value)

/** A plain ratio such as K or a posterior rate, to `digits` decimals; "–" when there is none. */
export const formatDecimal = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined || Number.isNaN(value) ? "–" : value.toFixed(digits)

/** A machine reason ("not_new_customer") as words ("not new customer"); "–" when there is none. */
export const formatReason = (reason: string | null | undefined) => (reason ? reason.replace(/_/g, " ") : "–")

export const formatDateTime = (value: string | Date | null | undefined) =>
  value ? new Date(value).toLocaleString() : "–"
