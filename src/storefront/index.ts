/**
 * The storefront kit, `medusa-plugin-smart-referrals/storefront`: typed calls
 * to the plugin's store routes over Medusa's JS SDK, `/r/:code` landing and
 * auto-apply, "who referred you?", banner words and share helpers.
 * Framework-free and browser-safe; React components are in `./react`.
 */
export * from "./client"
export * from "./storage"
export * from "./landing"
export * from "./banner"
export * from "./share"
export { REFERRAL_SOURCES, REFERRAL_SOURCE_HEADER, type ReferralSource } from "../types/referral/referral-source"
export type {
  StoreMyReferralsResponse,
  StoreReferralCodeResponse,
  StoreReferralClickResponse,
  StoreReferrerLookupResponse,
  StoreShareMessage,
  StoreShareMessageResponse,
} from "../types/http/store"
export type { OfferResponse, OfferSideResponse } from "../types/http/offers"
