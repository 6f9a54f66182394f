import type { OfferSide } from "./offer"

/** "10%" or "$10.00": how the friend's side of an offer reads in a message. */
export function describeDiscount(side: OfferSide, currency: string): string {
  if (side.type === "percentage") {
    return `${side.value}%`
  }
  return new Intl.NumberFormat("en", { style: "currency", currency: (side.currency_code ?? currency).toUpperCase() }).format(
    side.value
  )
}

/**
 * The message a referrer shares when no LLM writes one: the real code, link
 * and offer, nothing else.
 */
export function templateShareMessage(input: {
  first_name?: string | null
  code: string
  share_url: string
  referee: OfferSide
  currency_code: string
}): string {
  const from = input.first_name ? `${input.first_name} sent you` : "You've been sent"
  return `${from} ${describeDiscount(input.referee, input.currency_code)} off your first order with code ${input.code}: ${input.share_url}`
}
