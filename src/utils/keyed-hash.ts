import { createHmac } from "crypto"

/**
 * A short keyed hash (HMAC-SHA256 under the store's secret, 16 hex digits) of
 * an identifier such as an IP network or a visitor id: equal inputs give equal
 * hashes, so an admin can see that two flags point at the same address, but
 * the address cannot be read back or guessed without the secret.
 */
export function keyedHash(value: string, secret: string): string {
  return createHmac("sha256", secret).update(`smart-referrals:identifier:${value}`).digest("hex").slice(0, 16)
}
