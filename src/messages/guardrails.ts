import { CHANNEL_BUDGETS, SUBJECT_MAX_CHARS, charCount } from "./channels"
import { allowedAmountForms, clipText, offerCurrencies, type MessageContext } from "./message-context"

export type GuardrailReason =
  | "empty"
  | "refusal"
  | "missing_code"
  | "unknown_number"
  | "other_discount"
  | "personal_data"
  | "too_long"
  | "link"
  | "markup"

export type GuardrailResult = { ok: true } | { ok: false; reason: GuardrailReason }

/** Names the model is shown are clipped to this many characters; the guardrails strip both forms. */
export const PROMPT_NAME_MAX_CHARS = 80

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

// Letters and digits either side mean the term is part of a longer word ("Li" in "link").
const wholeTerm = (term: string, flags = "iu") =>
  new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term)}(?![\\p{L}\\p{N}])`, flags)

const REFUSALS: RegExp[] = [
  /^\s*(?:i'?m|i am)\s+(?:so\s+|very\s+|really\s+)?sorry\b/i,
  /^\s*sorry,?\s+(?:but|i)\b/i,
  /^\s*unfortunately,?\s+i\b/i,
  /\bas an ai\b/i,
  /\blanguage model\b/i,
  /\bi\s+(?:can'?t|cannot|can not|won'?t|will not|am unable to|'?m unable to|am not able to|'?m not able to)\s+(?:help|assist|comply|do that|do this|write|create|provide|generate|fulfil|fulfill)\b/i,
  /\bi'?m unable to\b/i,
  /\bi am unable to\b/i,
]

const OTHER_DISCOUNTS: RegExp[] = [
  /\bfree\s+(?:[\w-]+\s+){0,2}(?:shipping|delivery|gifts?|returns?|items?|products?|samples?|trials?|upgrades?|months?|stuff|wrapping)\b/i,
  /\b(?:shipping|delivery)\s+(?:is\s+)?(?:(?:totally|completely|always)\s+)?(?:free|on us|included)\b/i,
  /\bships?\s+free\b/i,
  /\bfor\s+free\b/i,
  /\bfree\s+of\s+charge\b/i,
  /\bon\s+the\s+house\b/i,
  /\bbogo\b/i,
  /\bbuy\s+(?:one|two|1|2)\b[^.!?]{0,30}\bget\s+(?:one|1|another|a\s+second)\b/i,
  /\b(?:two|2)[\s-]+for[\s-]+(?:one|1)\b/i,
  /\bcash[\s-]?back\b/i,
  /\b(?:double|triple|twice)\b/i,
  /\bhalf[\s-]+(?:off|price)\b/i,
  /\b(?:bonus|extra|additional|second|another)\s+(?:discounts?|savings?|credit|rewards?|gifts?|coupons?|vouchers?)\b/i,
  /\bgift\s*cards?\b/i,
  /\b(?:bonus|loyalty|reward)\s+points\b/i,
  /\b(?:on\s+)?(?:every|all|each)\s+(?:future\s+)?(?:orders|order|purchases?)\b/i,
  /\b(?:forever|for life|lifetime|unlimited)\b/i,
  /\bmoney[\s-]?back\b/i,
  /\bguarantee[ds]?\b/i,
  /\b(?:flash\s+)?sale\b/i,
  /\bclearance\b/i,
]

// Amounts spelled out ("ninety percent") dodge the digit scan; the offer is always quoted in digits.
const NUMBER_WORD =
  "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
const SPELLED_AMOUNT = new RegExp(
  `\\b${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})*\\s*(?:percent|per\\s+cent|%|dollars?|euros?|pounds?|bucks|quid)\\b`,
  "i"
)

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/u
// Seven or more digits run together with phone punctuation: no offer amount looks like that.
const PHONE = /(?:\+\s*)?\d(?:[\s().-]*\d){6,}/

// One amount: an optional currency prefix, the number, an optional unit suffix.
const AMOUNT =
  /(?:(?<pre>[A-Za-z]{0,3}[$€£¥₹₩₽₺₪]|\b[A-Za-z]{3}\b|\bkr\b)\s?)?(?<num>\d+(?:[.,]\d+)*)(?:\s?(?<post>%|percent\b|per\s+cent\b|[$€£¥₹₩₽₺₪]|\b[A-Za-z]{3}\b|kr\b|dollars?\b|euros?\b|pounds?\b|bucks\b|quid\b))?/gi

// Typed locally: the project's ES2021 lib predates Intl.supportedValuesOf (Node has it since 18).
const intl = Intl as unknown as { supportedValuesOf?: (key: "currency") => string[] }
const CURRENCY_CODES = new Set<string>(intl.supportedValuesOf?.("currency") ?? [])

const normalizeForm = (text: string) => text.toLowerCase().replace(/\s+/g, "")

/**
 * A three-letter word next to a number is a currency only when it is written
 * as one ("USD 10") or is the offer's own currency: "top 10" and "10 off" are
 * not amounts in Tongan paʻanga.
 */
function unitPart(part: string | undefined, offerCodes: string[]): string {
  if (!part) {
    return ""
  }
  if (/^[A-Za-z]{3}$/.test(part)) {
    const code = part.toUpperCase()
    const written = part === code && CURRENCY_CODES.has(code)
    return written || offerCodes.includes(code) ? part : ""
  }
  return part
}

// Any link left once the share link is removed: with a scheme, "www.", or a domain followed by a path.
const LINK = /\b[a-z][a-z0-9+.-]*:\/\/\S|\bwww\.\S|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}\/\S/iu
// HTML tags and comments, markdown links and images: the message is plain text on every channel.
const MARKUP = /<\/?[a-z][^<>]*>|<!--|!?\[[^\]]*\]\([^)]*\)/i

/** Typographic apostrophes and full-width digits read like their ASCII forms. */
const canonical = (text: string) => text.normalize("NFKC").replace(/[\u2018\u2019\u02bc]/g, "'")

/** The message without its code and link (scheme or not), which carry digits and may carry names. */
function withoutCodeAndLink(text: string, context: MessageContext): string {
  return removeTerms(text, [context.share_url, context.share_url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, ""), context.code])
}

/**
 * Also without the store's own names, so their digits ("Trail Runner 2") are
 * not mistaken for invented amounts or phone numbers. Only the number and
 * personal-data checks read this: a product called "Free" must not hide
 * "free shipping".
 */
function withoutSharedNames(text: string, context: MessageContext): string {
  const names = [context.store_name ?? "", ...context.top_products, ...context.top_categories, ...context.order_items]
  return removeTerms(
    withoutCodeAndLink(text, context),
    names.flatMap((name) => [name, clipText(name, PROMPT_NAME_MAX_CHARS)])
  )
}

function removeTerms(text: string, terms: string[]): string {
  // Longest first, so a link is removed whole before the code inside it.
  const unique = [...new Set(terms.map((t) => canonical(t).trim()).filter((t) => t.length > 0))].sort(
    (a, b) => b.length - a.length
  )
  let rest = text
  for (const term of unique) {
    // Whole words only: a category called "Co" must not eat the "co" of "code".
    rest = rest.replace(wholeTerm(term, "giu"), " ")
  }
  return rest
}

function hasPersonalData(rest: string, context: MessageContext): boolean {
  if (EMAIL.test(rest) || PHONE.test(rest)) {
    return true
  }
  return context.private_terms
    .map((term) => canonical(term).trim())
    .filter((term) => term.length > 0)
    .some((term) => wholeTerm(term).test(rest))
}

function hasUnknownNumber(rest: string, context: MessageContext): boolean {
  if (SPELLED_AMOUNT.test(rest)) {
    return true
  }
  const allowed = new Set(allowedAmountForms(context).map(normalizeForm))
  const codes = offerCurrencies(context)
  for (const match of rest.matchAll(AMOUNT)) {
    const { pre, num, post } = match.groups ?? {}
    const form = normalizeForm(`${unitPart(pre, codes)}${num ?? ""}${unitPart(post, codes)}`)
    if (!allowed.has(form)) {
      return true
    }
  }
  return false
}

/** Checks that apply to any generated text, the email subject included. */
function contentIssue(text: string, context: MessageContext): GuardrailReason | null {
  const plain = withoutCodeAndLink(text, context)
  const unnamed = withoutSharedNames(text, context)
  if (REFUSALS.some((pattern) => pattern.test(plain))) {
    return "refusal"
  }
  if (MARKUP.test(text)) {
    return "markup"
  }
  if (LINK.test(plain)) {
    return "link"
  }
  if (hasPersonalData(unnamed, context)) {
    return "personal_data"
  }
  // Numbers before wording: "50% off" is an invented amount, whatever else it claims.
  if (hasUnknownNumber(unnamed, context)) {
    return "unknown_number"
  }
  if (OTHER_DISCOUNTS.some((pattern) => pattern.test(plain))) {
    return "other_discount"
  }
  return null
}

/**
 * Whether a generated share message may be sent: checked in code after
 * generation, because no prompt guarantees what a model writes.
 */
export function checkMessage(message: string, context: MessageContext): GuardrailResult {
  const text = canonical(message)
  if (text.trim().length === 0) {
    return { ok: false, reason: "empty" }
  }
  const lower = text.toLowerCase()
  if (!lower.includes(context.code.toLowerCase()) && !text.includes(canonical(context.share_url))) {
    // A refusal rarely carries the code: name it for what it is.
    const refusal = REFUSALS.some((pattern) => pattern.test(text))
    return { ok: false, reason: refusal ? "refusal" : "missing_code" }
  }
  const issue = contentIssue(text, context)
  if (issue) {
    return { ok: false, reason: issue }
  }
  if (charCount(message) > CHANNEL_BUDGETS[context.channel]) {
    return { ok: false, reason: "too_long" }
  }
  return { ok: true }
}

/** The same content rules for an email subject line, which need not carry the code. */
export function checkSubject(subject: string, context: MessageContext): GuardrailResult {
  const text = canonical(subject)
  if (text.trim().length === 0) {
    return { ok: false, reason: "empty" }
  }
  const issue = contentIssue(text, context)
  if (issue) {
    return { ok: false, reason: issue }
  }
  if (charCount(subject) > SUBJECT_MAX_CHARS) {
    return { ok: false, reason: "too_long" }
  }
  return { ok: true }
}
