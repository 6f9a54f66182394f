/**
 * `/r/:code` in two calls. On the landing page, `handleReferralLanding`
 * records the click and remembers the code; wherever a cart exists (after
 * "add to cart", on the cart page, at checkout), `applyRememberedReferral`
 * puts the code on it, so the friend never types it. Idempotent: a code
 * already on the cart is not applied again. The code is forgotten once the
 * order is placed, or when the plugin refuses it (its message is returned for
 * the shopper).
 */
import {
  applyReferralCode,
  errorOf,
  getReferralCode,
  lookupReferrer,
  recordReferralClick,
  type CartWithPromotions,
  type ReferralSdk,
} from "./client"
import { browserStore, forgetReferral, rememberedReferral, rememberReferral, visitorId, type KeyValueStore, type RememberedReferral } from "./storage"
import type { StoreReferralClickResponse } from "../types/http/store"

export type KitOptions = { store?: KeyValueStore }

export type LandingResult =
  | { ok: true; code: string; offer: StoreReferralClickResponse["referral_code"]["offer"]; referrer_first_name: string | null }
  | { ok: false; code: string; message: string }

/**
 * A friend opened a share link: records the click (with this browser's
 * visitor id, created on first use), remembers the code for the cart, and
 * answers the offer and the referrer's first name for a banner. An unknown or
 * disabled code answers `ok: false` and is not remembered.
 */
export async function handleReferralLanding(sdk: ReferralSdk, code: string, { store = browserStore() }: KitOptions = {}): Promise<LandingResult> {
  const normalized = code.trim().toUpperCase()
  const visitor = visitorId(store)
  try {
    const { referral_code } = await recordReferralClick(sdk, { code: normalized, visitor_id: visitor })
    const referrer = await getReferralCode(sdk, referral_code.code).then(
      ({ referral_code: found }) => found.referrer_first_name,
      () => null
    )
    rememberReferral(store, { code: referral_code.code, source: "link", referrer_first_name: referrer })
    return { ok: true, code: referral_code.code, offer: referral_code.offer, referrer_first_name: referrer }
  } catch (error) {
    return { ok: false, code: normalized, message: errorOf(error).message }
  }
}

export type ApplyResult =
  /** Nothing remembered, or the cart's order is placed (the code is then forgotten). */
  | { status: "none" }
  /** The code is on the cart (applied now, or already). */
  | { status: "applied"; code: string; cart: CartWithPromotions | null }
  /** The plugin refused the code for this cart; it is forgotten and `message` is the plugin's, for the shopper. */
  | { status: "refused"; code: string; message: string }
  /** A network or server failure: the code stays remembered for the next try. */
  | { status: "error"; code: string; message: string }

/** Whether the cart already carries the code. */
export function cartHasCode(cart: CartWithPromotions | null | undefined, code: string): boolean {
  return !!cart?.promotions?.some((promotion) => promotion?.code?.toUpperCase() === code.toUpperCase())
}

/**
 * Applies the remembered code to the cart as soon as one exists. Pass the cart
 * when you have it (its promotions make the call idempotent without a
 * request); otherwise its id.
 */
export async function applyRememberedReferral(
  sdk: ReferralSdk,
  cart: string | CartWithPromotions,
  { store = browserStore() }: KitOptions = {}
): Promise<ApplyResult> {
  const remembered = rememberedReferral(store)
  if (!remembered) return { status: "none" }
  const known = typeof cart === "string" ? null : cart
  const cartId = typeof cart === "string" ? cart : cart.id
  if (known?.completed_at) {
    forgetReferral(store)
    return { status: "none" }
  }
  if (known && cartHasCode(known, remembered.code)) {
    return { status: "applied", code: remembered.code, cart: known }
  }
  try {
    const updated = await applyReferralCode(sdk, cartId, remembered.code, { source: remembered.source, visitorId: visitorId(store) })
    rememberReferral(store, { ...remembered, cart_id: cartId })
    return { status: "applied", code: remembered.code, cart: updated }
  } catch (error) {
    const { status, message } = errorOf(error)
    // 4xx: the plugin (or Medusa) refused this code for this cart; retrying will not help.
    if (status !== null && status >= 400 && status < 500 && status !== 429) {
      forgetReferral(store)
      return { status: "refused", code: remembered.code, message }
    }
    return { status: "error", code: remembered.code, message }
  }
}

/** Call once the order is placed: the code has done its work. */
export function referralOrderPlaced({ store = browserStore() }: KitOptions = {}) {
  forgetReferral(store)
}

/** The code remembered in this browser, if any (e.g. to show the landing banner on every page). */
export function currentReferral({ store = browserStore() }: KitOptions = {}): RememberedReferral | null {
  return rememberedReferral(store)
}

export type LookupResult =
  | { ok: true; first_name: string | null; code: string }
  | { ok: false; message: string }

/** "Who referred you?": finds the referrer by email; on a hit, confirm the first name with the shopper, then `useReferrer`. */
export async function findReferrer(sdk: ReferralSdk, email: string, { store = browserStore() }: KitOptions = {}): Promise<LookupResult> {
  try {
    const { referrer } = await lookupReferrer(sdk, email, visitorId(store))
    return { ok: true, first_name: referrer.first_name, code: referrer.code }
  } catch (error) {
    return { ok: false, message: errorOf(error).message }
  }
}

/**
 * The shopper confirmed the referrer found by name: remembers the code with
 * source "name" and, when a cart exists, applies it at once.
 */
export async function useReferrer(
  sdk: ReferralSdk,
  referrer: { code: string; first_name: string | null },
  cart: string | CartWithPromotions | null,
  { store = browserStore() }: KitOptions = {}
): Promise<ApplyResult> {
  rememberReferral(store, { code: referrer.code, source: "name", referrer_first_name: referrer.first_name })
  return cart ? await applyRememberedReferral(sdk, cart, { store }) : { status: "none" }
}
