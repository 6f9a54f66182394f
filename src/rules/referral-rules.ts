import { normalizeAddress, normalizeEmail, normalizePhone, type AddressLike } from "./normalize-identity"

/**
 * The rules a referral code must pass when it meets a cart. Pure: the workflow
 * gathers the facts, this decides, so every rule is tested without a store.
 */
export type RedemptionFacts = {
  program: {
    enabled: boolean
    new_customers_only: boolean
    block_same_address: boolean
    referrer_cap: number
  }
  code: { status: "active" | "disabled"; customer_id: string }
  offer: {
    /**
     * Whether the offer the friend would get is still on: the code's arm and, at
     * checkout, the arm the cart's discount was computed from (an offer withdrawn
     * since then left that discount on the cart).
     */
    active: boolean
    /** Whether the code's offer gives the friend something in the cart's currency (a fixed amount must be listed for it). */
    currency_offered: boolean
  }
  /** How many distinct referral codes the cart carries, this one included. */
  referral_codes_in_cart: number
  friend: {
    customer_id?: string | null
    emails: (string | null | undefined)[]
    phones: (string | null | undefined)[]
    address?: AddressLike | null
    prior_orders: number
  }
  referrer: {
    emails: (string | null | undefined)[]
    phones: (string | null | undefined)[]
    addresses: (AddressLike | null | undefined)[]
    conversions_in_window: number
  }
}

/**
 * The one answer for a code that does not exist or can no longer be used, the
 * same for both, so a refusal does not tell which codes exist.
 */
export const INVALID_CODE_MESSAGE = "This code isn't valid. Check it and try again."

export const REFUSALS = {
  program_disabled: "Referral codes can't be redeemed right now.",
  code_disabled: INVALID_CODE_MESSAGE,
  offer_withdrawn: "This referral offer has been withdrawn. Remove the code and add it again to get the current offer.",
  currency_not_offered:
    "This referral code's discount isn't offered in your cart's currency. Shop in a currency the offer lists, or check out without the code.",
  multiple_codes: "Only one referral code can be used per order.",
  self_referral: "This is your own referral code: share it with a friend instead.",
  same_address: "This referral code can't be used for an order shipped to the referrer's address.",
  same_phone: "This referral code can't be used with the referrer's phone number.",
  not_new_customer: "Referral codes are for a friend's first order, and this account or email has ordered before.",
  referrer_cap_reached: "This referral code has reached its limit for now. Ask your friend again later.",
} as const

export type RefusalReason = keyof typeof REFUSALS

export type RedemptionVerdict = { ok: true } | { ok: false; reason: RefusalReason; message: string }

export function evaluateRedemption(facts: RedemptionFacts): RedemptionVerdict {
  const refuse = (reason: RefusalReason): RedemptionVerdict => ({ ok: false, reason, message: REFUSALS[reason] })

  if (!facts.program.enabled) {
    return refuse("program_disabled")
  }
  if (facts.code.status !== "active") {
    return refuse("code_disabled")
  }
  if (!facts.offer.active) {
    return refuse("offer_withdrawn")
  }
  if (!facts.offer.currency_offered) {
    return refuse("currency_not_offered")
  }
  if (facts.referral_codes_in_cart > 1) {
    return refuse("multiple_codes")
  }
  if (facts.friend.customer_id && facts.friend.customer_id === facts.code.customer_id) {
    return refuse("self_referral")
  }
  if (intersects(facts.friend.emails.map(normalizeEmail), facts.referrer.emails.map(normalizeEmail))) {
    return refuse("self_referral")
  }
  if (facts.program.block_same_address) {
    if (intersects(facts.friend.phones.map(normalizePhone), facts.referrer.phones.map(normalizePhone))) {
      return refuse("same_phone")
    }
    const friendAddress = normalizeAddress(facts.friend.address)
    if (friendAddress && facts.referrer.addresses.map(normalizeAddress).includes(friendAddress)) {
      return refuse("same_address")
    }
  }
  if (facts.program.new_customers_only && facts.friend.prior_orders > 0) {
    return refuse("not_new_customer")
  }
  if (facts.referrer.conversions_in_window >= facts.program.referrer_cap) {
    return refuse("referrer_cap_reached")
  }
  return { ok: true }
}

function intersects(a: (string | null)[], b: (string | null)[]): boolean {
  const set = new Set(b.filter((value): value is string => !!value))
  return a.some((value) => !!value && set.has(value))
}
