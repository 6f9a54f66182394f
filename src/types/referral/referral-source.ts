/**
 * How a friend came by the code a referral was recorded with: typed into the
 * promo field (`code`), applied from a share link's landing (`link`), or found
 * by the referrer's email at "who referred you?" (`name`). Plain values, so the
 * storefront kit and the admin can import them.
 */
export const REFERRAL_SOURCES = ["code", "link", "name"] as const
export type ReferralSource = (typeof REFERRAL_SOURCES)[number]

/** Header a storefront sends with the cart's promotions request to say how the code was found. */
export const REFERRAL_SOURCE_HEADER = "x-referral-source"

export function isReferralSource(value: unknown): value is ReferralSource {
  return typeof value === "string" && (REFERRAL_SOURCES as readonly string[]).includes(value)
}
