import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosResponse } from "axios"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"

jest.setTimeout(180 * 1000)

/**
 * The documented production setting for a store reached directly, with no
 * proxy in front (docs/privacy.md, "Client addresses"): `trusted_proxies: 0`.
 * Like the rate limits, it is read when the runner loads medusa-config, so it
 * is set here for this file only and removed afterwards.
 */
const POINTS = 5
process.env.SMART_REFERRALS_TRUSTED_PROXIES = "0"
process.env.SMART_REFERRALS_RATE_LIMIT_POINTS = String(POINTS)

/** A shopper whose every request claims another address. */
class SpoofingShopper extends Shopper {
  headers(extra: Record<string, string> = {}) {
    return super.headers({ "x-forwarded-for": "203.0.113.66", ...extra })
  }
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterAll(() => {
      delete process.env.SMART_REFERRALS_TRUSTED_PROXIES
      delete process.env.SMART_REFERRALS_RATE_LIMIT_POINTS
    })

    let store: SeededStore
    beforeAll(async () => {
      store = await seedStore(getContainer())
    })
    const spoofed = (i: number) => ({
      headers: { "x-publishable-api-key": store.publishable_key, "x-forwarded-for": `203.0.113.${i}` },
      validateStatus: () => true,
    })

    it("does not let a spoofed X-Forwarded-For move a per-address limit", async () => {
      const anna = await new Shopper(api, store, "anna@example.com").register("Anna")
      const { code } = (await anna.me()).referral_code

      const lookups: AxiosResponse[] = []
      for (let i = 0; i <= POINTS; i++) {
        lookups.push(await api.get(`/store/referrals/codes/${code}`, spoofed(i)))
      }
      // Every request came from this test's own address, whatever it claimed.
      expect(lookups.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429])
      expect(lookups[POINTS].data.message).toMatch(/^Too many requests from your network/)

      const clicks: AxiosResponse[] = []
      for (let i = 0; i <= POINTS; i++) {
        clicks.push(await api.post(`/store/referrals/clicks`, { code, visitor_id: `visitor-${i}` }, spoofed(100 + i)))
      }
      expect(clicks.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429])
    })

    it("records a referral's address for the velocity rule from the connection, not from the header", async () => {
      const anna = await new Shopper(api, store, "anna@example.com").register("Anna")
      const { code } = (await anna.me()).referral_code
      await (await new SpoofingShopper(api, store, "ben@example.com").register("Ben")).checkoutWith(code)

      const [referral] = await eventually(async () => {
        const { data } = await api.get(`/admin/referrals?referrer_customer_id=${anna.customer_id}`, adminHeaders(store))
        expect(data.referrals).toHaveLength(1)
        expect(data.referrals[0].status).toBe("converted")
        return data.referrals
      })
      const { data } = await api.get(`/admin/referrals/${referral.id}`, adminHeaders(store))
      expect(data.referral.ip_address).toBe("127.0.0.1")
    })
  },
})
