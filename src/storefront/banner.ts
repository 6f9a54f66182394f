/** Words for an offer, as a landing banner or a referral card shows them. Pure, no formatting library. */
import type { OfferResponse, OfferSideResponse } from "../types/http/offers"

/** "$10 off", "15% off", "$5 in store credit"; `locale` formats money. */
export function offerSideText(side: OfferSideResponse | null | undefined, locale = "en-US"): string | null {
  if (!side) return null
  if (side.type === "percentage") return `${side.value}% off`
  const amount = side.currency_code
    ? new Intl.NumberFormat(locale, { style: "currency", currency: side.currency_code.toUpperCase(), maximumFractionDigits: 2, minimumFractionDigits: 0 }).format(side.value)
    : String(side.value)
  return side.type === "store_credit" ? `${amount} in store credit` : `${amount} off`
}

/** What the friend gets, with the referrer's first name: "Anna gave you $10 off your first order." */
export function bannerText(
  { offer, referrer_first_name }: { offer: OfferResponse; referrer_first_name?: string | null },
  locale?: string
): string {
  const what = offerSideText(offer?.referee, locale)
  const who = referrer_first_name?.trim() || "A friend"
  return what ? `${who} gave you ${what} your first order.` : `${who} invited you to shop with us.`
}

/** What the referrer earns per friend: "Give $10 off, get $5 in store credit." */
export function shareOfferText(offer: OfferResponse, locale?: string): string | null {
  const give = offerSideText(offer?.referee, locale)
  const get = offerSideText(offer?.referrer, locale)
  if (!give) return null
  return get ? `Give ${give}, get ${get}.` : `Give your friends ${give}.`
}
