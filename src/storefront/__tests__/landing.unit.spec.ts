import { applyRememberedReferral, findReferrer, handleReferralLanding, referralOrderPlaced, useReferrer } from "../landing"
import type { ReferralSdk } from "../client"
import { memoryStore, REMEMBER_DAYS, rememberedReferral, rememberReferral, visitorId, VISITOR_KEY } from "../storage"
import { bannerText, shareOfferText } from "../banner"

type Call = { input: string; method?: string; body?: unknown; headers?: Record<string, string> }

/** A stand-in for the JS SDK's client: records calls, answers from `reply` (throw to refuse). */
function fakeSdk(reply: (call: Call) => unknown): ReferralSdk & { calls: Call[] } {
  const calls: Call[] = []
  return {
    calls,
    client: {
      fetch: async <T>(input: string, init: Omit<Call, "input"> = {}) => {
        const call = { input, ...init }
        calls.push(call)
        return reply(call) as T
      },
    },
  }
}

const refused = (status: number, message: string) => Object.assign(new Error(message), { status })
const offer = { referee: { type: "fixed", value: 10, currency_code: "usd" }, referrer: { type: "store_credit", value: 5, currency_code: "usd" } } as const

describe("visitor id and remembered code", () => {
  it("creates the visitor id once and keeps it", () => {
    const store = memoryStore()
    const id = visitorId(store)
    expect(id).toMatch(/^v_/)
    expect(visitorId(store)).toBe(id)
    expect(store.get(VISITOR_KEY)).toBe(id)
  })

  it("remembers a code upper-cased for REMEMBER_DAYS, then forgets it; garbage is forgotten", () => {
    const store = memoryStore()
    const now = Date.UTC(2026, 0, 1)
    rememberReferral(store, { code: " anna-7kq2mx ", source: "link" }, now)
    expect(rememberedReferral(store, now)).toEqual({ code: "ANNA-7KQ2MX", source: "link", at: now })
    expect(rememberedReferral(store, now + REMEMBER_DAYS * 86400 * 1000)).not.toBeNull()
    expect(rememberedReferral(store, now + REMEMBER_DAYS * 86400 * 1000 + 1)).toBeNull()
    expect(rememberedReferral(store, now)).toBeNull()
    store.set("sr_referral", "{not json", 1)
    expect(rememberedReferral(store)).toBeNull()
  })
})

describe("landing", () => {
  it("records the click with the visitor id, remembers the code as a link's, and answers the banner's facts", async () => {
    const store = memoryStore()
    const sdk = fakeSdk(({ input }) =>
      input === "/store/referrals/clicks"
        ? { referral_code: { code: "ANNA-7KQ2MX", offer } }
        : { referral_code: { code: "ANNA-7KQ2MX", referrer_first_name: "Anna", offer } }
    )
    const landing = await handleReferralLanding(sdk, "anna-7kq2mx", { store })
    expect(landing).toEqual({ ok: true, code: "ANNA-7KQ2MX", offer, referrer_first_name: "Anna" })
    expect(sdk.calls[0]).toMatchObject({
      input: "/store/referrals/clicks",
      method: "POST",
      body: { code: "ANNA-7KQ2MX", visitor_id: visitorId(store) },
    })
    expect(rememberedReferral(store)).toMatchObject({ code: "ANNA-7KQ2MX", source: "link", referrer_first_name: "Anna" })
    expect(bannerText(landing.ok ? landing : { offer: null })).toBe("Anna gave you $10 off your first order.")
    expect(shareOfferText(offer)).toBe("Give $10 off, get $5 in store credit.")
    // An amount in "the order's currency" takes the one the storefront gives, else stays a bare number.
    const inOrderCurrency = { ...offer, referrer: { type: "store_credit", value: 5, currency_code: null } } as const
    expect(shareOfferText(inOrderCurrency, { currencyCode: "eur", locale: "en-US" })).toBe("Give $10 off, get €5 in store credit.")
    expect(shareOfferText(inOrderCurrency)).toBe("Give $10 off, get 5 in store credit.")
  })

  it("remembers nothing for a code the plugin does not know", async () => {
    const store = memoryStore()
    const sdk = fakeSdk(() => {
      throw refused(404, "Referral code NOPE was not found")
    })
    expect(await handleReferralLanding(sdk, "nope", { store })).toEqual({ ok: false, code: "NOPE", message: "Referral code NOPE was not found" })
    expect(rememberedReferral(store)).toBeNull()
  })
})

describe("auto-apply", () => {
  const remembered = () => {
    const store = memoryStore()
    rememberReferral(store, { code: "ANNA-7KQ2MX", source: "link" })
    return store
  }

  it("does nothing without a remembered code", async () => {
    const sdk = fakeSdk(() => ({}))
    expect(await applyRememberedReferral(sdk, "cart_1", { store: memoryStore() })).toEqual({ status: "none" })
    expect(sdk.calls).toEqual([])
  })

  it("applies the code through Medusa's promotions route with its source, once", async () => {
    const store = remembered()
    const cart = { id: "cart_1", promotions: [{ code: "ANNA-7KQ2MX" }] }
    const sdk = fakeSdk(() => ({ cart }))
    expect(await applyRememberedReferral(sdk, "cart_1", { store })).toEqual({ status: "applied", code: "ANNA-7KQ2MX", cart })
    expect(sdk.calls).toEqual([
      {
        input: "/store/carts/cart_1/promotions",
        method: "POST",
        body: { promo_codes: ["ANNA-7KQ2MX"] },
        headers: { "x-referral-source": "link", "x-visitor-id": visitorId(store) },
      },
    ])
    // The cart already carries it: no second request.
    expect(await applyRememberedReferral(sdk, cart, { store })).toMatchObject({ status: "applied" })
    expect(sdk.calls).toHaveLength(1)
  })

  it("forgets the code when the plugin refuses it, surfacing the plugin's message", async () => {
    const store = remembered()
    const sdk = fakeSdk(() => {
      throw refused(400, "You cannot use your own referral code")
    })
    expect(await applyRememberedReferral(sdk, "cart_1", { store })).toEqual({
      status: "refused",
      code: "ANNA-7KQ2MX",
      message: "You cannot use your own referral code",
    })
    expect(rememberedReferral(store)).toBeNull()
  })

  it("keeps the code for the next try after a network error or a rate limit", async () => {
    for (const error of [new Error("Failed to fetch"), refused(429, "Too many requests")]) {
      const store = remembered()
      const sdk = fakeSdk(() => {
        throw error
      })
      expect(await applyRememberedReferral(sdk, "cart_1", { store })).toMatchObject({ status: "error" })
      expect(rememberedReferral(store)).not.toBeNull()
    }
  })

  it("forgets the code once the order is placed", async () => {
    const store = remembered()
    const sdk = fakeSdk(() => ({}))
    expect(await applyRememberedReferral(sdk, { id: "cart_1", completed_at: "2026-01-01" }, { store })).toEqual({ status: "none" })
    expect(sdk.calls).toEqual([])
    expect(rememberedReferral(store)).toBeNull()
    const other = remembered()
    referralOrderPlaced({ store: other })
    expect(rememberedReferral(other)).toBeNull()
  })
})

describe("who referred you?", () => {
  it("finds the referrer, then applies their code with source name", async () => {
    const store = memoryStore()
    const sdk = fakeSdk(({ input }) =>
      input === "/store/referrals/lookup" ? { referrer: { first_name: "Anna", code: "ANNA-7KQ2MX" } } : { cart: { id: "cart_9" } }
    )
    const found = await findReferrer(sdk, "anna@example.com", { store })
    expect(found).toEqual({ ok: true, first_name: "Anna", code: "ANNA-7KQ2MX" })
    expect(sdk.calls[0]).toMatchObject({ method: "POST", body: { email: "anna@example.com" }, headers: { "x-visitor-id": visitorId(store) } })
    if (!found.ok) throw new Error("unreachable")
    expect(await useReferrer(sdk, found, "cart_9", { store })).toMatchObject({ status: "applied" })
    expect(sdk.calls[1].headers).toMatchObject({ "x-referral-source": "name" })
  })

  it("answers the plugin's message for a miss", async () => {
    const sdk = fakeSdk(() => {
      throw refused(404, "We could not find a referrer with those details.")
    })
    expect(await findReferrer(sdk, "x@example.com", { store: memoryStore() })).toEqual({
      ok: false,
      message: "We could not find a referrer with those details.",
    })
  })
})
