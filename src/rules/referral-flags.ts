import { isDisposableEmailDomain } from "disposable-email-domains-js"
import { normalizeAddress, type AddressLike } from "./normalize-identity"
import type { ReferralFlag } from "../types/referral/flags"

/**
 * Rules that hold a conversion for an admin instead of refusing it: the friend
 * keeps the discount, the referrer's reward waits for a decision. Pure, like
 * `referral-rules.ts`: the workflow gathers the facts, this decides. Each flag
 * keeps references (counts, ids, keyed hashes), never another customer's email
 * or address; `describeReferralFlag` says in a sentence what to look at.
 */
export { FLAG_RULES, type FlagRule, type ReferralFlag } from "../types/referral/flags"

/** Another friend of the same referrer, with what their order was shipped to and paid with. */
export type SiblingReferral = {
  referral_id: string
  order_id: string
  address: AddressLike | null
  payment_fingerprints: string[]
}

export type ReferralFlagFacts = {
  program: {
    flag_disposable_email: boolean
    flag_ip_velocity: boolean
    ip_velocity_max: number
    ip_velocity_window_hours: number
    flag_shared_fingerprint: boolean
  }
  friend: {
    email: string | null
    address: AddressLike | null
    payment_fingerprints: string[]
  }
  /** Referrals (this one included) from the friend's public address within the window, with the address's keyed hash; null without one. */
  ip: { hash: string; referrals: number } | null
  /** Referrals (this one included) from the friend's visitor id within the window, with its keyed hash; null without one. */
  device: { hash: string; referrals: number } | null
  siblings: SiblingReferral[]
}

export function flagReferral(facts: ReferralFlagFacts): ReferralFlag[] {
  const { program } = facts
  const flags: ReferralFlag[] = []

  if (program.flag_disposable_email) {
    const domain = disposableDomainOf(facts.friend.email)
    if (domain) {
      flags.push({ rule: "disposable_email", refs: { domain } })
    }
  }

  if (program.flag_ip_velocity) {
    const window = { window_hours: program.ip_velocity_window_hours, max: program.ip_velocity_max }
    if (facts.ip && facts.ip.referrals > program.ip_velocity_max) {
      flags.push({ rule: "ip_velocity", refs: { hash: facts.ip.hash, referrals: facts.ip.referrals, ...window } })
    }
    if (facts.device && facts.device.referrals > program.ip_velocity_max) {
      flags.push({ rule: "device_velocity", refs: { hash: facts.device.hash, referrals: facts.device.referrals, ...window } })
    }
  }

  if (program.flag_shared_fingerprint) {
    const address = normalizeAddress(facts.friend.address)
    const sameAddress = address && facts.siblings.find((s) => normalizeAddress(s.address) === address)
    if (sameAddress) {
      flags.push({ rule: "shared_address", refs: siblingRefs(sameAddress) })
    }
    const cards = new Set(facts.friend.payment_fingerprints)
    const sameCard = cards.size > 0 && facts.siblings.find((s) => s.payment_fingerprints.some((f) => cards.has(f)))
    if (sameCard) {
      flags.push({ rule: "shared_payment", refs: siblingRefs(sameCard) })
    }
  }
  return flags
}

function siblingRefs(sibling: SiblingReferral) {
  return { referral_id: sibling.referral_id, order_id: sibling.order_id }
}

/**
 * The disposable domain an email belongs to, or null. Subdomains count
 * (`x.mailinator.com` is `mailinator.com`), checked against the
 * `disposable-email-domains-js` list.
 */
export function disposableDomainOf(email?: string | null): string | null {
  const at = (email ?? "").lastIndexOf("@")
  if (at < 0) {
    return null
  }
  const labels = email!.slice(at + 1).trim().toLowerCase().replace(/\.$/, "").split(".")
  for (let i = 0; i <= labels.length - 2; i++) {
    const domain = labels.slice(i).join(".")
    if (isDisposableEmailDomain(domain)) {
      return domain
    }
  }
  return null
}

/**
 * Card fingerprints a payment provider stored in a payment's or session's
 * `data`, where it stores one: Stripe's `payment_method.card.fingerprint`,
 * `latest_charge.payment_method_details.card.fingerprint` and
 * `charges.data[].payment_method_details.card.fingerprint` (when expanded), or
 * a top-level `fingerprint`, `card_fingerprint` or `card.fingerprint` for
 * other providers. The system provider stores none, so the rule then rests on addresses.
 */
export function paymentFingerprints(data: unknown): string[] {
  const found = new Set<string>()
  const add = (value: unknown) => {
    if (typeof value === "string" && value.trim()) {
      found.add(value.trim())
    }
  }
  const at = (value: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), value)

  add(at(data, "fingerprint"))
  add(at(data, "card_fingerprint"))
  add(at(data, "card", "fingerprint"))
  add(at(data, "payment_method", "card", "fingerprint"))
  add(at(data, "latest_charge", "payment_method_details", "card", "fingerprint"))
  const charges = at(data, "charges", "data")
  if (Array.isArray(charges)) {
    charges.forEach((charge) => add(at(charge, "payment_method_details", "card", "fingerprint")))
  }
  return [...found]
}
