/**
 * Typed calls to the plugin's store routes over Medusa's JS SDK client
 * (`new Medusa({ baseUrl, publishableKey, auth })` from `@medusajs/js-sdk`).
 * Framework-free: Next.js, Remix, Vue or plain JS pass their SDK instance.
 * Only types come from the plugin's server code, so nothing of Medusa's
 * server is bundled into a storefront.
 */
import type {
  StoreMyReferralsResponse,
  StoreRecordPromptSharePayload,
  StoreRecordPromptTouchResponse,
  StoreRecordReferralClickPayload,
  StoreRecordReferralSignalPayload,
  StoreReferralClickResponse,
  StoreReferralCodeResponse,
  StoreReferralSignalResponse,
  StoreReferrerLookupResponse,
  StoreShareMessageResponse,
  StoreWriteShareMessagePayload,
} from "../types/http/store"
import { REFERRAL_SOURCE_HEADER, type ReferralSource } from "../types/referral/referral-source"

/** What the kit needs of `@medusajs/js-sdk`'s `Medusa` instance: its client's `fetch` (which adds the publishable key and the shopper's auth). */
export type ReferralSdk = {
  client: {
    fetch<T>(
      input: string,
      init?: { method?: string; body?: Record<string, unknown>; query?: Record<string, unknown>; headers?: Record<string, string> }
    ): Promise<T>
  }
}

/** The signed-in shopper's code, share link, offer, stats, rewards and live prompt. */
export function getMyReferrals(sdk: ReferralSdk) {
  return sdk.client.fetch<StoreMyReferralsResponse>("/store/referrals/me")
}

/** The shopper's live prompt (the ask to share, with its offer and message), or null. */
export async function getLivePrompt(sdk: ReferralSdk) {
  return (await getMyReferrals(sdk)).prompt
}

/** The storefront showed the prompt. */
export function markPromptShown(sdk: ReferralSdk, promptId: string) {
  return sdk.client.fetch<StoreRecordPromptTouchResponse>(
    `/store/referrals/me/prompt/${encodeURIComponent(promptId)}/shown`,
    { method: "POST", body: {} }
  )
}

/** The shopper shared the prompt on a channel. */
export function markPromptShared(sdk: ReferralSdk, promptId: string, channel: StoreRecordPromptSharePayload["channel"]) {
  return sdk.client.fetch<StoreRecordPromptTouchResponse>(
    `/store/referrals/me/prompt/${encodeURIComponent(promptId)}/shared`,
    { method: "POST", body: { channel } }
  )
}

/** A share message for the live prompt and a channel (written by the LLM or a template; cached per recipient). */
export function requestShareMessage(sdk: ReferralSdk, payload: StoreWriteShareMessagePayload) {
  return sdk.client.fetch<StoreShareMessageResponse>("/store/referrals/me/message", { method: "POST", body: payload })
}

/** A review or NPS answer the shopper reports: with a signal the store can verify (a recent share, say) it may be the moment to ask. */
export function sendReferralSignal(sdk: ReferralSdk, payload: StoreRecordReferralSignalPayload) {
  return sdk.client.fetch<StoreReferralSignalResponse>("/store/referrals/signals", { method: "POST", body: payload })
}

/** Public: a friend opened a share link (`visitor_id`: the browser's anonymous id). */
export function recordReferralClick(sdk: ReferralSdk, payload: StoreRecordReferralClickPayload) {
  return sdk.client.fetch<StoreReferralClickResponse>("/store/referrals/clicks", {
    method: "POST",
    body: payload,
    headers: { "x-visitor-id": payload.visitor_id },
  })
}

/** Public: what a code offers and its referrer's first name, for a landing page or banner. */
export function getReferralCode(sdk: ReferralSdk, code: string) {
  return sdk.client.fetch<StoreReferralCodeResponse>(`/store/referrals/codes/${encodeURIComponent(code)}`)
}

/** Public: "who referred you?" by the referrer's email. A miss is a 404 that says nothing about the email. */
export function lookupReferrer(sdk: ReferralSdk, email: string, visitorId?: string) {
  return sdk.client.fetch<StoreReferrerLookupResponse>("/store/referrals/lookup", {
    method: "POST",
    body: { email },
    headers: visitorId ? { "x-visitor-id": visitorId } : {},
  })
}

/** A cart as Medusa's promotions route answers it; only what the kit reads. */
export type CartWithPromotions = {
  id: string
  completed_at?: string | Date | null
  discount_total?: number
  promotions?: { code?: string | null }[] | null
}

/**
 * Applies a referral code to a cart through Medusa's own promotions route,
 * saying how the shopper came by it (`code` typed, `link` from a share link,
 * `name` from "who referred you?"), so the plugin records the source.
 * The plugin refuses a code against its rules (self-referral, cap, …) with a
 * message for the shopper; it is thrown as the SDK's error.
 */
export async function applyReferralCode(
  sdk: ReferralSdk,
  cartId: string,
  code: string,
  { source = "code", visitorId }: { source?: ReferralSource; visitorId?: string | null } = {}
) {
  const { cart } = await sdk.client.fetch<{ cart: CartWithPromotions }>(
    `/store/carts/${encodeURIComponent(cartId)}/promotions`,
    {
      method: "POST",
      body: { promo_codes: [code] },
      headers: { [REFERRAL_SOURCE_HEADER]: source, ...(visitorId ? { "x-visitor-id": visitorId } : {}) },
    }
  )
  return cart
}

/** The message and status of a refused call, as the SDK's FetchError carries them. */
export function errorOf(error: unknown): { status: number | null; message: string } {
  const e = error as { status?: number; message?: string } | null
  return { status: typeof e?.status === "number" ? e.status : null, message: e?.message || "Something went wrong" }
}
