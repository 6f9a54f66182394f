import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import type { AxiosInstance, AxiosResponse } from "axios"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"
import { generateReferralCode } from "../../src/rules/referral-code-format"
import { REFERRAL_MODULE, type IReferralModuleService } from "../../src/types"

jest.setTimeout(180 * 1000)

/**
 * Low limits for this file only: medusa-config reads them when the runner
 * loads it, before the runner's own `env` option applies, so they are set here
 * and removed afterwards (other spec files keep the defaults).
 */
const LIMIT = { points: 5, visitor_points: 3, duration_seconds: 60 }
process.env.SMART_REFERRALS_RATE_LIMIT_POINTS = String(LIMIT.points)
process.env.SMART_REFERRALS_RATE_LIMIT_VISITOR_POINTS = String(LIMIT.visitor_points)
process.env.SMART_REFERRALS_RATE_LIMIT_DURATION_SECONDS = String(LIMIT.duration_seconds)

/**
 * A shopper whose requests come from a given address (Medusa trusts one proxy
 * hop, so `X-Forwarded-For` is the client address) and, optionally, device.
 */
class ShopperAt extends Shopper {
  constructor(api: AxiosInstance, store: SeededStore, email: string, private readonly origin: { ip: string; visitor?: string }) {
    super(api, store, email)
  }

  headers(extra: Record<string, string> = {}) {
    return super.headers({
      "x-forwarded-for": this.origin.ip,
      ...(this.origin.visitor ? { "x-visitor-id": this.origin.visitor } : {}),
      ...extra,
    })
  }
}

type Flag = { rule: string; refs: Record<string, unknown>; message: string }
type Referral = { id: string; status: string; reason: string | null; flags: Flag[] | null; rewards: { role: string; status: string }[] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterAll(() => {
      delete process.env.SMART_REFERRALS_RATE_LIMIT_POINTS
      delete process.env.SMART_REFERRALS_RATE_LIMIT_VISITOR_POINTS
      delete process.env.SMART_REFERRALS_RATE_LIMIT_DURATION_SECONDS
    })

    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string, origin: { ip: string; visitor?: string } = { ip: "198.51.100.1" }) => new ShopperAt(api, store, email, origin)
    const setProgram = (changes: Record<string, unknown>) => api.post(`/admin/referrals/program`, changes, admin())
    const referralsOf = async (customerId: string): Promise<Referral[]> =>
      (await api.get(`/admin/referrals?referrer_customer_id=${customerId}&order=created_at`, admin())).data.referrals
    /** Public requests as a browser sends them, answered whatever the status. */
    const publicRequest = (ip: string, headers: Record<string, string> = {}) => ({
      headers: { "x-publishable-api-key": store.publishable_key, "x-forwarded-for": ip, ...headers },
      validateStatus: () => true,
    })
    const lookUp = (code: string, ip: string, headers?: Record<string, string>) =>
      api.get(`/store/referrals/codes/${code}`, publicRequest(ip, headers))
    const click = (code: string, visitor_id: string, ip: string) =>
      api.post(`/store/referrals/clicks`, { code, visitor_id }, publicRequest(ip))
    const referrerWithCode = async (email: string, name: string) => {
      const referrer = await shopper(email).register(name)
      return { referrer, code: (await referrer.me()).referral_code.code as string }
    }
    /** The referrer's referrals once every one of them has left `pending`. */
    const decided = (customerId: string, count: number) =>
      eventually(async () => {
        const rows = await referralsOf(customerId)
        expect(rows).toHaveLength(count)
        expect(rows.every((row) => row.status !== "pending")).toBe(true)
        return rows
      }, 20000)

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    describe("rate limits on the public endpoints", () => {
      it("answers 429 with Retry-After past the limit per address on both routes, and not to another address", async () => {
        const { code } = await referrerWithCode("anna@example.com", "Anna")

        const lookups: AxiosResponse[] = []
        for (let i = 0; i <= LIMIT.points; i++) {
          lookups.push(await lookUp(code, "203.0.113.10"))
        }
        expect(lookups.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 429])
        const limited = lookups[LIMIT.points]
        const retryAfter = Number(limited.headers["retry-after"])
        expect(retryAfter).toBeGreaterThanOrEqual(1)
        expect(retryAfter).toBeLessThanOrEqual(LIMIT.duration_seconds)
        expect(limited.data).toEqual({
          type: "too_many_requests",
          message: `Too many requests from your network; try again in ${retryAfter} seconds.`,
        })

        const clicks: AxiosResponse[] = []
        for (let i = 0; i <= LIMIT.points; i++) {
          clicks.push(await click(code, `visitor-${i}`, "203.0.113.11"))
        }
        expect(clicks.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 429])
        expect(Number(clicks[LIMIT.points].headers["retry-after"])).toBeGreaterThanOrEqual(1)

        // Malformed clicks count too, and the address spent on lookups can still click.
        expect((await api.post(`/store/referrals/clicks`, {}, publicRequest("203.0.113.11"))).status).toBe(429)
        expect((await click(code, "visitor-x", "203.0.113.10")).status).toBe(201)
        expect((await lookUp(code, "203.0.113.12")).status).toBe(200)
        expect((await click(code, "visitor-y", "203.0.113.12")).status).toBe(201)
      })

      it("limits one visitor across addresses, by the click's visitor_id or the x-visitor-id header", async () => {
        const { code } = await referrerWithCode("anna@example.com", "Anna")
        const clicks: AxiosResponse[] = []
        for (let i = 0; i <= LIMIT.visitor_points; i++) {
          clicks.push(await click(code, "visitor-roaming", `198.51.100.${20 + i}`))
        }
        expect(clicks.map((r) => r.status)).toEqual([201, 201, 201, 429])
        expect(clicks[LIMIT.visitor_points].data.message).toMatch(/^Too many requests from this browser; try again in \d+ seconds\.$/)
        expect((await click(code, "visitor-other", "198.51.100.30")).status).toBe(201)

        const lookups: AxiosResponse[] = []
        for (let i = 0; i <= LIMIT.visitor_points; i++) {
          lookups.push(await lookUp(code, `198.51.100.${40 + i}`, { "x-visitor-id": "visitor-header" }))
        }
        expect(lookups.map((r) => r.status)).toEqual([200, 200, 200, 429])
      })

      it("makes guessing codes hopeless: 1,000 well-formed guesses find nothing and are mostly refused", async () => {
        const { code } = await referrerWithCode("anna@example.com", "Anna")
        const guesses = Array.from({ length: 1000 }, () => generateReferralCode("Anna")).filter((guess) => guess !== code)
        const statuses: number[] = []
        for (let i = 0; i < guesses.length; i += 50) {
          const batch = guesses.slice(i, i + 50)
          statuses.push(...(await Promise.all(batch.map((guess) => lookUp(guess, "192.0.2.66")))).map((r) => r.status))
        }
        expect(statuses.filter((s) => s === 200)).toHaveLength(0)
        expect(statuses.filter((s) => s === 404)).toHaveLength(LIMIT.points)
        expect(statuses.filter((s) => s === 429)).toHaveLength(guesses.length - LIMIT.points)

        // A guesser rotating visitor ids through clicks is held by the address limit.
        const clickStatuses = (
          await Promise.all(guesses.slice(0, 200).map((guess, i) => click(guess, `bot-${i}`, "192.0.2.67")))
        ).map((r) => r.status)
        expect(clickStatuses.filter((s) => s === 201)).toHaveLength(0)
        expect(clickStatuses.filter((s) => s === 404)).toHaveLength(LIMIT.points)
        expect(clickStatuses.filter((s) => s === 429)).toHaveLength(200 - LIMIT.points)
      })
    })

    describe("what the store keeps of a shopper's address", () => {
      it("keeps no address or visitor id in an ordinary order, and forgets a referral cart's once the referral is decided", async () => {
        const referralModule = getContainer().resolve<IReferralModuleService>(REFERRAL_MODULE)
        const metadataOf = async (orderId: string) =>
          JSON.stringify((await api.get(`/admin/orders/${orderId}?fields=id,metadata`, admin())).data.order.metadata ?? {})

        const zoe = await shopper("zoe@example.com", { ip: "203.0.113.200", visitor: "device-zoe" }).register("Zoe")
        const cartId = await zoe.createCart()
        await zoe.pay(cartId)
        const { data: placed } = await zoe.complete(cartId)
        expect(placed.type).toBe("order")
        expect(await metadataOf(placed.order.id)).not.toMatch(/203\.0\.113\.200|device-zoe/)
        expect(await referralModule.listReferralCartOrigins({ cart_id: cartId })).toEqual([])

        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const ben = await shopper("ben@example.com", { ip: "203.0.113.201", visitor: "device-ben" }).register("Ben")
        const referralCart = await ben.createCart()
        await ben.applyCode(referralCart, code)
        // Kept while the referral is open: the velocity rule reads it at checkout.
        expect(await referralModule.listReferralCartOrigins({ cart_id: referralCart })).toEqual([
          expect.objectContaining({ ip: "203.0.113.201", visitor_id: "device-ben" }),
        ])
        await ben.pay(referralCart)
        const { data: referred } = await ben.complete(referralCart)
        const [referral] = await decided(referrer.customer_id!, 1)
        expect(referral.status).toBe("converted")
        expect(await metadataOf(referred.order.id)).not.toMatch(/203\.0\.113\.201|device-ben/)
        await eventually(async () => expect(await referralModule.listReferralCartOrigins({ cart_id: referralCart })).toEqual([]))
      })

      it("forgets a cart's address and visitor id when its referral code is refused, at the cart or at checkout", async () => {
        const referralModule = getContainer().resolve<IReferralModuleService>(REFERRAL_MODULE)
        const originsOf = (cartId: string) => referralModule.listReferralCartOrigins({ cart_id: cartId })
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")

        // A repeat buyer types the code: refused at once.
        const ben = await shopper("ben@example.com", { ip: "203.0.113.210", visitor: "device-ben" }).register("Ben")
        await ben.checkoutWith(null)
        const benCart = await ben.createCart()
        expect((await ben.applyCode(benCart, code).catch((e) => e.response)).status).toBe(400)
        expect(await originsOf(benCart)).toEqual([])

        // Cleo's code is accepted, then she orders in another cart first: refused at checkout.
        const cleo = await shopper("cleo@example.com", { ip: "203.0.113.211", visitor: "device-cleo" }).register("Cleo")
        const cleoCart = await cleo.createCart()
        await cleo.applyCode(cleoCart, code)
        expect(await originsOf(cleoCart)).toEqual([expect.objectContaining({ ip: "203.0.113.211", visitor_id: "device-cleo" })])
        await cleo.checkoutWith(null)
        await cleo.pay(cleoCart)
        expect((await cleo.complete(cleoCart).catch((e) => e.response)).status).toBe(400)
        expect(await originsOf(cleoCart)).toEqual([])

        const rows = await referralsOf(referrer.customer_id!)
        expect(rows.map((r) => [r.status, r.reason])).toEqual([
          ["rejected", "not_new_customer"],
          ["rejected", "not_new_customer"],
        ])
      })
    })

    describe("fraud rules hold a conversion for review", () => {
      it("flags a friend with a disposable email, keeps the friend's discount, and rewards the referrer once approved", async () => {
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const order = await (await shopper("ben@mailinator.com").register("Ben")).checkoutWith(code)
        expect(order.discount_total).toBe(10)

        const [referral] = await decided(referrer.customer_id!, 1)
        expect(referral).toMatchObject({
          status: "review",
          reason: "flagged",
          flags: [
            {
              rule: "disposable_email",
              refs: { domain: "mailinator.com" },
              message: "The friend's email uses mailinator.com, a disposable email provider.",
            },
          ],
        })
        expect(referral.rewards.map((r) => r.role)).toEqual(["referee"])

        // A redelivered order.placed neither duplicates the flags nor decides again.
        await getContainer()
          .resolve(Modules.EVENT_BUS)
          .emit([{ name: "order.placed", data: { id: order.id } }])
        await new Promise((resolve) => setTimeout(resolve, 1500))
        const [again] = await referralsOf(referrer.customer_id!)
        expect(again).toMatchObject({ status: "review", flags: referral.flags })
        expect(again.rewards).toHaveLength(1)

        const { data } = await api.post(`/admin/referrals/${referral.id}/approve`, {}, admin())
        expect(data.referral.status).toBe("converted")
        expect(data.referral.rewards.find((r: { role: string }) => r.role === "referrer")).toMatchObject({
          status: "held",
          amount: 10,
        })
        // The flags stay, so the decision can be understood later.
        expect((await api.get(`/admin/referrals/${referral.id}`, admin())).data.referral.flags).toEqual(referral.flags)
      })

      it("flags the referral past the maximum from one public address, then from one device", async () => {
        await setProgram({ ip_velocity_max: 2, ip_velocity_window_hours: 1 })
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        for (const name of ["Ben", "Cleo", "Dan"]) {
          await shopper(`${name.toLowerCase()}@example.com`, { ip: "203.0.113.77" }).register(name).then((s) => s.checkoutWith(code))
        }
        const byAddress = await decided(referrer.customer_id!, 3)
        expect(byAddress.map((r) => r.status)).toEqual(["converted", "converted", "review"])
        // The flag keeps a keyed hash of the address, not the address.
        const hexHash = expect.stringMatching(/^[0-9a-f]{16}$/)
        expect(byAddress[2].flags).toEqual([
          {
            rule: "ip_velocity",
            refs: { hash: hexHash, referrals: 3, window_hours: 1, max: 2 },
            message: expect.stringMatching(/^3 referrals from one public address \(#[0-9a-f]{16}\) within 1 h \(more than 2\)\.$/),
          },
        ])
        expect(JSON.stringify(byAddress[2].flags)).not.toContain("203.0.113")

        const { referrer: second, code: secondCode } = await referrerWithCode("hal@example.com", "Hal")
        for (const [i, name] of ["Ivy", "Jon", "Kim"].entries()) {
          const origin = { ip: `198.51.100.${100 + i}`, visitor: "device-42" }
          await shopper(`${name.toLowerCase()}@example.com`, origin).register(name).then((s) => s.checkoutWith(secondCode))
        }
        const byDevice = await decided(second.customer_id!, 3)
        expect(byDevice.map((r) => r.status)).toEqual(["converted", "converted", "review"])
        expect(byDevice[2].flags).toEqual([
          {
            rule: "device_velocity",
            refs: { hash: hexHash, referrals: 3, window_hours: 1, max: 2 },
            message: expect.stringMatching(/^3 referrals from one device \(#[0-9a-f]{16}\) within 1 h \(more than 2\)\.$/),
          },
        ])
        expect(JSON.stringify(byDevice[2].flags)).not.toContain("device-42")
      })

      it("does not count loopback or private addresses, which are the store's own proxy", async () => {
        await setProgram({ ip_velocity_max: 1 })
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        for (const name of ["Ben", "Cleo"]) {
          await shopper(`${name.toLowerCase()}@example.com`, { ip: "10.0.0.5" }).register(name).then((s) => s.checkoutWith(code))
        }
        expect((await decided(referrer.customer_id!, 2)).map((r) => [r.status, r.flags])).toEqual([
          ["converted", null],
          ["converted", null],
        ])
      })

      it("flags a friend shipping to the address of another friend of the same referrer (a ring)", async () => {
        // An earlier order to the same address makes the second friend no new customer; this store lets repeat buyers redeem.
        await setProgram({ new_customers_only: false })
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const house = { first_name: "B", last_name: "T", address_1: "5 Oak Lane", city: "NYC", postal_code: "10001", country_code: "us" }
        const first = await (await shopper("ben@example.com").register("Ben")).checkoutWith(code, house)
        await decided(referrer.customer_id!, 1)
        await (await shopper("cleo@example.com", { ip: "198.51.100.2" }).register("Cleo")).checkoutWith(code, {
          ...house,
          first_name: "Cleo",
          address_1: "5 oak lane.",
        })
        const rows = await decided(referrer.customer_id!, 2)
        expect(rows.map((r) => r.status)).toEqual(["converted", "review"])
        // The other friend is referenced by ids, never by their email or address.
        expect(rows[1].flags).toEqual([
          {
            rule: "shared_address",
            refs: { referral_id: rows[0].id, order_id: first.id },
            message: `Ships to the same address as another friend of this referrer (referral ${rows[0].id}, order ${first.id}).`,
          },
        ])
        expect(JSON.stringify(rows[1].flags)).not.toMatch(/ben@|oak lane/i)
      })

      it("flags nothing when each rule is switched off in the program", async () => {
        await setProgram({
          flag_disposable_email: false,
          flag_ip_velocity: false,
          flag_shared_fingerprint: false,
          ip_velocity_max: 1,
          new_customers_only: false,
        })
        const { referrer, code } = await referrerWithCode("anna@example.com", "Anna")
        const house = { first_name: "B", last_name: "T", address_1: "5 Oak Lane", city: "NYC", postal_code: "10001", country_code: "us" }
        const origin = { ip: "203.0.113.90", visitor: "device-7" }
        for (const name of ["Ben", "Cleo"]) {
          await shopper(`${name.toLowerCase()}@yopmail.com`, origin).register(name).then((s) => s.checkoutWith(code, house))
        }
        expect((await decided(referrer.customer_id!, 2)).map((r) => [r.status, r.reason, r.flags])).toEqual([
          ["converted", null, null],
          ["converted", null, null],
        ])

        const { data } = await api.get(`/admin/referrals/program`, admin())
        expect(data.program).toMatchObject({
          flag_disposable_email: false,
          flag_ip_velocity: false,
          flag_shared_fingerprint: false,
          ip_velocity_max: 1,
          ip_velocity_window_hours: 24,
        })
        const refused = await api.post(`/admin/referrals/program`, { ip_velocity_max: 0 }, { ...admin(), validateStatus: () => true })
        expect(refused.status).toBe(400)
      })
    })
  },
})
