import type { DescribedReferralFlag, StoredReferralFlag } from "../types/referral/flags"

/**
 * The sentence an admin reads for a fraud flag, rendered from its references
 * (ids, counts, keyed hashes), so no other customer's email or address is
 * stored or shown. A flag stored before references existed keeps its sentence.
 * Pure: used by the API and the admin alike.
 */
export function describeReferralFlag(flag: StoredReferralFlag): string {
  if ("message" in flag) {
    return flag.message
  }
  switch (flag.rule) {
    case "disposable_email":
      return `The friend's email uses ${flag.refs.domain}, a disposable email provider.`
    case "ip_velocity":
    case "device_velocity": {
      const { referrals, hash, window_hours, max } = flag.refs
      const source = flag.rule === "ip_velocity" ? "one public address" : "one device"
      return `${referrals} referrals from ${source} (#${hash}) within ${window_hours} h (more than ${max}).`
    }
    case "shared_address":
    case "shared_payment": {
      const what = flag.rule === "shared_address" ? "Ships to the same address as" : "Paid with the same card as"
      return `${what} another friend of this referrer (referral ${flag.refs.referral_id}, order ${flag.refs.order_id}).`
    }
  }
}

/** Flags as the API answers them: as stored, each with its sentence. */
export function describeReferralFlags(flags: StoredReferralFlag[] | null | undefined): DescribedReferralFlag[] | null {
  return flags?.length ? flags.map((flag) => ({ ...flag, message: describeReferralFlag(flag) })) : null
}
