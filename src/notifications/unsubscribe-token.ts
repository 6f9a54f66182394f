import { createHmac, timingSafeEqual } from "crypto"

/**
 * The token in an ask's unsubscribe link: the customer id and an HMAC of it
 * under the store's secret, so a link switches asks off for its own customer
 * only and cannot be forged for another.
 */
export function unsubscribeToken(customerId: string, secret: string): string {
  return `${Buffer.from(customerId).toString("base64url")}.${sign(customerId, secret)}`
}

/** The customer id a token was made for, or null when it was not made with this secret. */
export function verifyUnsubscribeToken(token: string, secret: string): string | null {
  const [encoded, signature, ...rest] = token.split(".")
  if (!encoded || !signature || rest.length) {
    return null
  }
  const customerId = Buffer.from(encoded, "base64url").toString("utf8")
  const expected = Buffer.from(sign(customerId, secret))
  const given = Buffer.from(signature)
  return expected.length === given.length && timingSafeEqual(expected, given) ? customerId : null
}

function sign(customerId: string, secret: string): string {
  return createHmac("sha256", secret).update(`smart-referrals:unsubscribe:${customerId}`).digest("base64url")
}
