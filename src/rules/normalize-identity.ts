/**
 * Identity normalisation for self-referral checks: the same person hiding
 * behind a plus-alias, Gmail's ignored dots, letter case or spacing.
 */
const DOTLESS_DOMAINS = new Set(["gmail.com", "googlemail.com"])

export function normalizeEmail(email?: string | null): string | null {
  if (!email) {
    return null
  }
  const trimmed = email.trim().toLowerCase()
  const at = trimmed.lastIndexOf("@")
  if (at <= 0) {
    return trimmed
  }
  let local = trimmed.slice(0, at).split("+")[0]
  let domain = trimmed.slice(at + 1)
  if (DOTLESS_DOMAINS.has(domain)) {
    local = local.replace(/\./g, "")
    domain = "gmail.com"
  }
  return `${local}@${domain}`
}

export function normalizePhone(phone?: string | null): string | null {
  const digits = (phone ?? "").replace(/\D/g, "")
  // Compare the last nine digits so "+44 7700 900123" and "07700900123" meet.
  return digits.length >= 6 ? digits.slice(-9) : null
}

export type AddressLike = {
  address_1?: string | null
  postal_code?: string | null
  country_code?: string | null
}

export function normalizeAddress(address?: AddressLike | null): string | null {
  if (!address?.address_1 || !address.postal_code) {
    return null
  }
  const squash = (value?: string | null) => (value ?? "").toLowerCase().replace(/[^a-z0-9]/g, "")
  return [squash(address.country_code), squash(address.postal_code), squash(address.address_1)].join("|")
}
