import Medusa from "@medusajs/js-sdk"

declare global {
  interface Window {
    STORE_CONFIG: { backendUrl: string; publishableKey: string }
  }
}

/** Medusa's JS SDK, the only client this storefront uses (the kit rides on it). */
export const sdk = new Medusa({
  baseUrl: window.STORE_CONFIG.backendUrl,
  publishableKey: window.STORE_CONFIG.publishableKey,
  auth: { type: "jwt", jwtTokenStorageMethod: "local" },
})
