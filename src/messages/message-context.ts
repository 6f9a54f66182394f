import type { OfferSide } from "../rules/offer"
import type { ShareChannel } from "./channels"

export type RecipientHint = {
  relationship?: "friend" | "family" | "colleague"
  /** Free text typed by the shopper: untrusted, only ever sent to the model as quoted data. */
  interest?: string
}

/** Everything a share message may draw on, for one referrer, one code and one channel. */
export type MessageContext = {
  first_name: string | null
  store_name: string | null
  code: string
  share_url: string
  /** The currency money offers are shown in when their side has no currency of its own. */
  currency_code: string
  offer: { referee: OfferSide; referrer: OfferSide }
  top_products: string[]
  top_categories: string[]
  order_items: string[]
  channel: ShareChannel
  recipient?: RecipientHint | null
  /** never sent to the model; the guardrails reject messages containing them */
  private_terms: string[]
}

const sideCurrency = (side: OfferSide, currency: string) => (side.currency_code ?? currency).toUpperCase()

/** "10%" or "$10.00": an offer's amount exactly as messages must quote it. */
export function describeOffer(side: OfferSide, currency: string): string {
  if (side.type === "percentage") {
    return `${side.value}%`
  }
  return new Intl.NumberFormat("en", { style: "currency", currency: sideCurrency(side, currency) }).format(side.value)
}

/** "10% off", "$10.00 off" or "$10.00 in store credit": what a side is worth, in words. */
export function describeOfferPhrase(side: OfferSide, currency: string): string {
  const amount = describeOffer(side, currency)
  return side.type === "store_credit" ? `${amount} in store credit` : `${amount} off`
}

// Spoken names, so "10 dollars" counts as a form of $10 (and "10 euros" does not).
const CURRENCY_WORDS: Record<string, string[]> = {
  USD: ["US$", "dollar", "dollars", "bucks"],
  CAD: ["dollar", "dollars", "bucks"],
  AUD: ["dollar", "dollars", "bucks"],
  NZD: ["dollar", "dollars", "bucks"],
  SGD: ["dollar", "dollars"],
  HKD: ["dollar", "dollars"],
  EUR: ["euro", "euros"],
  GBP: ["pound", "pounds", "quid"],
}

function currencySymbols(code: string): string[] {
  const symbols = new Set<string>([code])
  for (const currencyDisplay of ["symbol", "narrowSymbol"] as const) {
    const part = new Intl.NumberFormat("en", { style: "currency", currency: code, currencyDisplay })
      .formatToParts(1)
      .find((p) => p.type === "currency")
    if (part) {
      symbols.add(part.value)
    }
  }
  return [...symbols]
}

function numberForms(value: number, fractionDigits: number): string[] {
  const forms = new Set<string>([String(value)])
  if (Number.isInteger(value)) {
    forms.add(new Intl.NumberFormat("en", { maximumFractionDigits: 0 }).format(value))
  }
  if (fractionDigits > 0) {
    const fixed = new Intl.NumberFormat("en", {
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    })
    forms.add(fixed.format(value))
    forms.add(fixed.format(value).replace(/,/g, ""))
  }
  // Continental decimal commas ("9,50 €"), only where there is no thousands separator to confuse.
  for (const form of [...forms]) {
    if (form.includes(".") && !form.includes(",")) {
      forms.add(form.replace(".", ","))
    }
  }
  return [...forms]
}

/**
 * Every acceptable way a message may write one offer's amount: "10", "10%",
 * "10 percent" for a percentage; "10", "10.00", "$10", "$10.00", "10 USD",
 * "USD 10", "10 dollars" for a money amount ("€9", "9 €", "9,00 €" for euros).
 * The guardrails compare amounts found in a message against these, ignoring
 * case and spaces.
 */
export function offerAmountForms(side: OfferSide, currency: string): string[] {
  const forms = new Set<string>()
  if (side.type === "percentage") {
    for (const n of numberForms(side.value, 0)) {
      forms.add(n)
      forms.add(`${n}%`)
      forms.add(`${n} %`)
      forms.add(`${n} percent`)
      forms.add(`${n} per cent`)
    }
    return [...forms]
  }
  const code = sideCurrency(side, currency)
  const digits = new Intl.NumberFormat("en", { style: "currency", currency: code }).resolvedOptions()
    .maximumFractionDigits ?? 2
  const units = [...currencySymbols(code), ...(CURRENCY_WORDS[code] ?? [])]
  for (const n of numberForms(side.value, digits)) {
    forms.add(n)
    for (const unit of units) {
      forms.add(`${unit}${n}`)
      forms.add(`${unit} ${n}`)
      forms.add(`${n}${unit}`)
      forms.add(`${n} ${unit}`)
    }
  }
  return [...forms]
}

/** The forms of both sides of the offer: the only amounts a message may contain. */
export function allowedAmountForms(context: Pick<MessageContext, "offer" | "currency_code">): string[] {
  return [
    ...new Set([
      ...offerAmountForms(context.offer.referee, context.currency_code),
      ...offerAmountForms(context.offer.referrer, context.currency_code),
    ]),
  ]
}

/** The currencies the offer is paid in, upper-case. */
export function offerCurrencies(context: Pick<MessageContext, "offer" | "currency_code">): string[] {
  const sides = [context.offer.referee, context.offer.referrer].filter((s) => s.type !== "percentage")
  return [...new Set(sides.map((s) => sideCurrency(s, context.currency_code)))]
}

/** Collapse whitespace, drop control characters and cut to `max` code points: for untrusted or long text. */
export function clipText(text: string, max: number): string {
  const flat = text.normalize("NFKC").replace(/\p{Cc}/gu, " ").replace(/\s+/g, " ").trim()
  const chars = Array.from(flat)
  return chars.length <= max ? flat : chars.slice(0, max).join("").trimEnd()
}
