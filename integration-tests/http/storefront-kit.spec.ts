import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { REFERRER_NOT_FOUND } from "../../src/api/store/referrals/lookup/route"

jest.setTimeout(180 * 1000)

/**
 * Low limits for this file only (read by medusa-config when the runner loads
 * it, so set here and removed afterwards; see abuse.spec.ts).
 */
const LIMIT = { points: 6, visitor_points: 3, duration_seconds: 60 }
process.env.SMART_REFERRALS_RATE_LIMIT_POINTS = String(LIMIT.points)
process.env.SMART_REFERRALS_RATE_LIMIT_VISITOR_POINTS = String(LIMIT.visitor_points)
process.env.SMART_REFERRALS_RATE_LIMIT_DURATION_SECONDS = String(LIMIT.duration_seconds)

/** Addresses unique to this run: limits may be counted in a Redis other runs share. */
const RUN = Math.floor(Math.random() * 200) + 20
const address = (n: number) => `198.18.${RUN}.${n}`

/** A shopper on an address of their own, so the velocity fraud rule sees three different households. */
class ShopperAt extends Shopper {
  ip = address(100 + Math.floor(Math.random() * 100))
  headers(extra: Record<string, string> = {}) {
    return super.headers({ "x-forwarded-for": this.ip, ...extra })
  }
}

type Referral = { id: string; status: string; source: string | null; referee_email: string | null }

/**
 * What the storefront kit relies on beyond the older store routes: "who
 * referred you?" (a public, rate-limited lookup that tells a stranger nothing)
 * and the source a storefront reports with the code (`x-referral-source`),
 * recorded on the referral and split in the metrics.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterAll(() => {
      delete process.env.SMART_REFERRALS_RATE_LIMIT_POINTS
      delete process.env.SMART_REFERRALS_RATE_LIMIT_VISITOR_POINTS
      delete process.env.SMART_REFERRALS_RATE_LIMIT_DURATION_SECONDS
    })

    let store: SeededStore
    let anna: Shopper
    let code: string
    const admin = () => adminHeaders(store)
    const lookup = (email: unknown, ip: string, visitor?: string): Promise<AxiosResponse> =>
      api.post(`/store/referrals/lookup`, { email }, {
        headers: {
          "x-publishable-api-key": store.publishable_key,
          "x-forwarded-for": ip,
          ...(visitor ? { "x-visitor-id": visitor } : {}),
        },
        validateStatus: () => true,
      })
    const referralsOf = async (customerId: string): Promise<Referral[]> =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}&order=created_at`, admin())).data.referrals

    /** A friend checks out with Anna's code, the storefront saying how it was found (no header: typed). */
    const friendCheckout = async (email: string, source?: "code" | "link" | "name") => {
      const friend = await new ShopperAt(api, store, email).register(email.split("@")[0])
      const cartId = await friend.createCart()
      await api.post(
        `/store/carts/${cartId}/promotions`,
        { promo_codes: [code] },
        friend.headers(source ? { "x-referral-source": source } : {})
      )
      const applied = (await referralsOf(anna.customer_id!)).find((r) => r.referee_email === email)
      await friend.pay(cartId)
      const { data } = await friend.complete(cartId)
      expect(data.type).toBe("order")
      return applied
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
      anna = await new Shopper(api, store, "anna.referrer@example.com").register("Anna", "Ahlberg")
      code = (await anna.me()).referral_code.code
    })

    it("answers a referrer's first name and code for their email, in any case, and never echoes the email", async () => {
      const found = await lookup("  Anna.Referrer@EXAMPLE.com ", address(1))
      expect(found.status).toBe(200)
      expect(found.data).toEqual({ referrer: { first_name: "Anna", code } })
      expect(JSON.stringify(found.data)).not.toMatch(/example\.com|Ahlberg|cus_/i)
    })

    it("answers one and the same 404 for a stranger, a customer without a code and a LIKE wildcard", async () => {
      // A guest's cart makes a customer with an email and no code.
      const guest = new Shopper(api, store, "guest.buyer@example.com")
      await guest.createCart()
      const misses = [
        await lookup("nobody@example.com", address(2)),
        await lookup("guest.buyer@example.com", address(2)),
        // "_" is LIKE's any-character: taken literally, it matches no one.
        await lookup("anna_referrer@example.com", address(2)),
        await lookup("anna.referrer@example.co", address(2)),
      ]
      for (const miss of misses) {
        expect(miss.status).toBe(404)
        expect(miss.data).toEqual({ type: "not_found", message: REFERRER_NOT_FOUND })
      }
      expect((await lookup("not an email", address(3))).status).toBe(400)
    })

    it("limits lookups per browser and per address with 429 and Retry-After", async () => {
      const byVisitor: number[] = []
      for (let i = 0; i <= LIMIT.visitor_points; i++) {
        byVisitor.push((await lookup(`guess-${i}@example.com`, address(10 + i), `visitor-${RUN}`)).status)
      }
      expect(byVisitor).toEqual([404, 404, 404, 429])

      const byAddress: AxiosResponse[] = []
      for (let i = 0; i <= LIMIT.points; i++) {
        byAddress.push(await lookup(`guess-${i}@example.com`, address(20)))
      }
      expect(byAddress.map((r) => r.status)).toEqual([...Array(LIMIT.points).fill(404), 429])
      expect(Number(byAddress[LIMIT.points].headers["retry-after"])).toBeGreaterThanOrEqual(1)
      // Even Anna's own email is refused past the limit: the limit answers before the lookup.
      expect((await lookup("anna.referrer@example.com", address(20))).status).toBe(429)
    })

    it("infers a link when the storefront says nothing but the cart's browser clicked the code's link", async () => {
      const friend = await new ShopperAt(api, store, "lena.linkonly@example.com").register("Lena")
      const visitor = `visitor-link-${RUN}`
      await api.post(`/store/referrals/clicks`, { code, visitor_id: visitor }, friend.headers())
      const cartId = await friend.createCart()
      await api.post(`/store/carts/${cartId}/promotions`, { promo_codes: [code] }, friend.headers({ "x-visitor-id": visitor }))
      const referral = (await referralsOf(anna.customer_id!)).find((r) => r.referee_email === "lena.linkonly@example.com")
      expect(referral?.source).toBe("link")
      // Left unpaid: the metrics below count only the three that convert.
    })

    it("records the source the storefront reports (name, link, typed code), keeps it through checkout, and splits conversions by it", async () => {
      const byName = await friendCheckout("nora.byname@example.com", "name")
      const byLink = await friendCheckout("liam.bylink@example.com", "link")
      const typed = await friendCheckout("cora.typed@example.com")
      expect([byName?.source, byLink?.source, typed?.source]).toEqual(["name", "link", "code"])

      const referrals = await eventually(async () => {
        const rows = await referralsOf(anna.customer_id!)
        const converted = rows.filter((r) => r.status === "converted")
        expect(converted).toHaveLength(3)
        return converted
      }, 20000)
      // Checkout (which sends no source header) keeps the source recorded at apply.
      expect(Object.fromEntries(referrals.map((r) => [r.referee_email, r.source]))).toEqual({
        "nora.byname@example.com": "name",
        "liam.bylink@example.com": "link",
        "cora.typed@example.com": "code",
      })

      const { data } = await api.get(`/admin/referrals/metrics`, admin())
      const [all] = data.metrics.groups
      expect(all.funnel.conversions).toBe(3)
      expect(all.conversions_by_source).toEqual({ code: 1, link: 1, name: 1 })
    })
  },
})
