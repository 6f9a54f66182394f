/** Words for an offer, as a landing banner or a referral card shows them. Pure, no formatting library. */
import type { OfferResponse, OfferSideResponse } from "../types/http/offers"

export type OfferTextOptions = {
  /** Formats money (default en-US). */
  locale?: string
  /** The currency of an amount the offer leaves to the order's currency (`currency_code: null`), e.g. the region's. */
  currencyCode?: string | null
}

/** "$10 off", "15% off", "$5 in store credit". */
export function offerSideText(side: OfferSideResponse | null | undefined, { locale = "en-US", currencyCode }: OfferTextOptions = {}): string | null {
  if (!side) return null
  if (side.type === "percentage") return `${side.value}% off`
  const currency = side.currency_code ?? currencyCode
  const amount = currency
    ? new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase(), maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(side.value)
    : String(side.value)
  return side.type === "store_credit" ? `${amount} in store credit` : `${amount} off`
}

/** What the friend gets, with the referrer's first name: "Anna gave you $10 off your first order." */
export function bannerText(
  { offer, referrer_first_name }: { offer: OfferResponse; referrer_first_name?: string | null },
  options?: OfferTextOptions
): string {
  const what = offerSideText(offer?.referee, options)
  const who = referrer_first_name?.trim() || "A friend"
  return what ? `${who} gave you ${what} your first order.` : `${who} invited you to shop with us.`
}

/** Both sides: "Give $10 off, get $5 in store credit." */
export function shareOfferText(offer: OfferResponse, options?: OfferTextOptions): string | null {
  const give = offerSideText(offer?.referee, options)
  const get = offerSideText(offer?.referrer, options)
  if (!give) return null
  return get ? `Give ${give}, get ${get}.` : `Give your friends ${give}.`
}
