import { randomInt } from "crypto"

/**
 * Referral codes look like `ANNA-7K3QX9`: up to six letters of the customer's
 * first name, so friends recognise who sent it, then six symbols from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U/V). 29^6 ≈ 595 million
 * suffixes per prefix (29 bits): with the public endpoints rate-limited, guessing a code
 * is useless.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
export const CODE_SUFFIX_LENGTH = 6
const PREFIX_MAX = 6
const FALLBACK_PREFIX = "FRIEND"

export function codePrefix(firstName?: string | null): string {
  const letters = (firstName ?? "")
    .normalize("NFKD")
    .replace(/[^A-Za-z]/g, "")
    .toUpperCase()
    .slice(0, PREFIX_MAX)
  return letters.length >= 2 ? letters : FALLBACK_PREFIX
}

export function generateReferralCode(
  firstName?: string | null,
  pick: (max: number) => number = randomInt
): string {
  let suffix = ""
  for (let i = 0; i < CODE_SUFFIX_LENGTH; i++) {
    suffix += CODE_ALPHABET[pick(CODE_ALPHABET.length)]
  }
  return `${codePrefix(firstName)}-${suffix}`
}

/** Codes are matched case-insensitively and without surrounding spaces, as shoppers type them. */
export function normalizeCode(code: string): string {
  return code.trim().toUpperCase()
}
