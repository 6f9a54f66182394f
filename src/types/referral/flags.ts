/**
 * Fraud flags as stored on a referral: the rule that fired and references to
 * what it saw (counts, ids, keyed hashes), never another customer's email or
 * address, so erasing a customer leaves nothing of theirs inside someone
 * else's flags. `describeReferralFlag` (src/rules) renders the explanation.
 */
export const FLAG_RULES = [
  "disposable_email",
  "ip_velocity",
  "device_velocity",
  "shared_address",
  "shared_payment",
] as const
export type FlagRule = (typeof FLAG_RULES)[number]

/** Velocity past the limit; `hash` is the keyed hash of the address network or visitor id, equal for equal inputs. */
export type VelocityFlagRefs = { hash: string; referrals: number; window_hours: number; max: number }

/** Another friend of the same referrer the rule matched. */
export type SiblingFlagRefs = { referral_id: string; order_id: string }

export type ReferralFlag =
  | { rule: "disposable_email"; refs: { domain: string } }
  | { rule: "ip_velocity" | "device_velocity"; refs: VelocityFlagRefs }
  | { rule: "shared_address" | "shared_payment"; refs: SiblingFlagRefs }

/** A flag written before flags stored references: the rule and a ready sentence. Still read, never written. */
export type LegacyReferralFlag = { rule: string; message: string }

export type StoredReferralFlag = ReferralFlag | LegacyReferralFlag

/** A flag as the API answers it: as stored, with its explanation. */
export type DescribedReferralFlag = StoredReferralFlag & { message: string }
