import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import type { AxiosInstance } from "axios"
import applyReferralRetentionJob from "../../src/jobs/apply-referral-retention"
import expireReferralPromptsJob from "../../src/jobs/expire-referral-prompts"
import { applyReferralRetentionWorkflow } from "../../src/workflows"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"

jest.setTimeout(240 * 1000)

/** A shopper whose requests come from a given public address and device, as a browser behind one proxy hop. */
class ShopperAt extends Shopper {
  constructor(api: AxiosInstance, store: SeededStore, email: string, private readonly origin: { ip: string; visitor: string }) {
    super(api, store, email)
  }

  headers(extra: Record<string, string> = {}) {
    return super.headers({ "x-forwarded-for": this.origin.ip, "x-visitor-id": this.origin.visitor, ...extra })
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Privacy: erasure on Medusa's customer deletion and on an admin's request,
 * the access export, and the retention job, all through HTTP (the job as the
 * scheduler runs it).
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    const admin = () => adminHeaders(store)
    const exportOf = async (customerId: string) =>
      (await api.get(`/admin/referrals/customers/${customerId}/export`, admin())).data.export
    const click = (code: string, visitor_id: string, ip: string) =>
      api.post(`/store/referrals/clicks`, { code, visitor_id }, {
        headers: { "x-publishable-api-key": store.publishable_key, "x-forwarded-for": ip },
      })
    /** The loop's counts: the all-time summary and the funnel of the metrics. */
    const counts = async () => {
      const { data: summary } = await api.get(`/admin/referrals/summary`, admin())
      const { data: metrics } = await api.get(`/admin/referrals/metrics`, admin())
      const { referrer_rewards, ...rest } = summary.summary
      return {
        ...rest,
        referrer_rewards: (referrer_rewards as { count: number }[]).reduce((sum, row) => sum + row.count, 0),
        funnel: metrics.metrics.groups.map((group: { funnel: unknown }) => group.funnel),
      }
    }

    /**
     * Anna refers Ben (who clicked her link from his device first); Anna's own
     * first order asks her to share, and she has a share message written.
     */
    const referredLoop = async () => {
      const anna = await new Shopper(api, store, "anna@example.com").register("Anna")
      const code = (await anna.me()).referral_code.code as string
      await click(code, "device-ben", "203.0.113.9")
      const ben = await new ShopperAt(api, store, "ben@example.com", { ip: "203.0.113.9", visitor: "device-ben" }).register("Ben")
      await ben.checkoutWith(code)
      await eventually(async () => expect((await anna.me()).stats.converted).toBe(1), 20000)
      await anna.checkoutWith(null)
      const prompt = await eventually(async () => {
        const { prompt } = await anna.me()
        expect(prompt?.id).toEqual(expect.any(String))
        return prompt
      }, 20000)
      const { data: written } = await api.post(`/store/referrals/me/message`, { channel: "email" }, anna.headers())
      expect(written.message.message).toContain(code)
      return { anna, ben, code, prompt }
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    describe("erasure on customer deletion", () => {
      it("switches the code off for new friends, revokes held rewards, anonymises the data and keeps the counts", async () => {
        const { anna, ben, code } = await referredLoop()

        // Before: the export shows what is held about each of them.
        const benBefore = await exportOf(ben.customer_id!)
        expect(benBefore.referrals_as_referee).toEqual([
          expect.objectContaining({ code, status: "converted", referee_email: "ben@example.com", ip_address: "203.0.113.9", visitor_id: "device-ben" }),
        ])
        expect(benBefore.touches).toEqual(
          expect.arrayContaining([expect.objectContaining({ type: "click", visitor_id: "device-ben" })])
        )
        const annaBefore = await exportOf(anna.customer_id!)
        expect(annaBefore.referral_codes).toEqual([expect.objectContaining({ code, status: "active" })])
        // Her own referrals, without her friend's email, address or device.
        expect(annaBefore.referrals_as_referrer).toHaveLength(1)
        expect(JSON.stringify(annaBefore.referrals_as_referrer)).not.toMatch(/ben@example|203\.0\.113|device-ben/)
        expect(annaBefore.rewards).toEqual([expect.objectContaining({ role: "referrer", status: "held", amount: 10 })])
        expect(annaBefore.prompts[0].message).toContain(code)
        expect(annaBefore.messages[0].message).toContain(code)
        const before = await counts()

        await api.delete(`/admin/customers/${ben.customer_id}`, admin())
        await api.delete(`/admin/customers/${anna.customer_id}`, admin())

        // The export reads tables in parallel: wait until every part shows the erasure.
        const annaAfter = await eventually(async () => {
          const data = await exportOf(anna.customer_id!)
          expect([data.messages[0].message, data.prompts[0].message, data.rewards[0].status]).toEqual(["", "", "revoked"])
          return data
        }, 20000)
        expect(annaAfter.referral_codes).toEqual([expect.objectContaining({ code, status: "disabled" })])
        expect(annaAfter.rewards).toEqual([
          expect.objectContaining({ role: "referrer", status: "revoked", note: "customer_erased", amount: 10 }),
        ])
        expect(annaAfter.prompts.map((p: { message: string }) => p.message)).toEqual([""])
        expect(annaAfter.messages[0].subject).toBeNull()
        // The referral itself stays, with its ids and status.
        expect(annaAfter.referrals_as_referrer.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual(
          annaBefore.referrals_as_referrer.map((r: { id: string; status: string }) => [r.id, r.status])
        )

        const benAfter = await eventually(async () => {
          const data = await exportOf(ben.customer_id!)
          expect(data.referrals_as_referee[0].referee_email).toBeNull()
          return data
        }, 20000)
        expect(benAfter.referrals_as_referee).toEqual([
          expect.objectContaining({ id: benBefore.referrals_as_referee[0].id, status: "converted", ip_address: null, visitor_id: null }),
        ])
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const clicks = await knex("referral_touch").where({ type: "click", code }).select("visitor_id")
        expect(clicks).toEqual([{ visitor_id: null }])
        // Nothing of Ben is left in any referral row: not his email, address or device.
        const rows = JSON.stringify(await knex("referral").select("*"))
        expect(rows).not.toMatch(/ben@example|203\.0\.113\.9|device-ben/)

        // Counts and amounts add up as before: nothing deleted, the held reward only changed status.
        expect(await counts()).toEqual(before)

        // A new friend is refused at once, and a second erasure changes nothing.
        const cleo = await new Shopper(api, store, "cleo@example.com").register("Cleo")
        const cart = await cleo.createCart()
        expect(await refusal(cleo.applyCode(cart, code))).toEqual({
          status: 400,
          message: "This code isn't valid. Check it and try again.",
        })
        const { data: again } = await api.post(`/admin/referrals/customers/${anna.customer_id}/erase`, {}, admin())
        expect(again.erasure).toEqual({
          customer_id: anna.customer_id,
          code_disabled: false,
          rewards_revoked: 0,
          reviews_rejected: 0,
          anonymised: { referrals: 0, touches: 0, prompts: 0, messages: 0, cart_origins: 0 },
        })
      })
    })

    describe("fraud flags", () => {
      it("reference another customer by ids only, so erasing them leaves nothing of theirs in the explanation", async () => {
        // New people: the first test's Anna and Ben have orders, so their emails are no longer new customers.
        // An earlier order to the same address makes Cleo no new customer either; this store lets repeat buyers redeem.
        await api.post(`/admin/referrals/program`, { new_customers_only: false }, admin())
        const anna = await new Shopper(api, store, "ada@example.com").register("Anna")
        const code = (await anna.me()).referral_code.code as string
        const house = { first_name: "B", last_name: "T", address_1: "5 Oak Lane", city: "NYC", postal_code: "10001", country_code: "us" }
        const ben = await new Shopper(api, store, "bob@example.com").register("Ben")
        const benOrder = await ben.checkoutWith(code, house)
        await eventually(async () => expect((await anna.me()).stats.converted).toBe(1), 20000)
        await (await new Shopper(api, store, "cy@example.com").register("Cleo")).checkoutWith(code, { ...house, first_name: "Cleo" })

        const flagged = await eventually(async () => {
          const { data } = await api.get(`/admin/referrals?referrer_customer_id=${anna.customer_id}&status[]=review`, admin())
          expect(data.referrals).toHaveLength(1)
          return data.referrals[0]
        }, 20000)
        const { data: all } = await api.get(`/admin/referrals?referee_customer_id=${ben.customer_id}`, admin())
        const expected = [
          {
            rule: "shared_address",
            refs: { referral_id: all.referrals[0].id, order_id: benOrder.id },
            message: `Ships to the same address as another friend of this referrer (referral ${all.referrals[0].id}, order ${benOrder.id}).`,
          },
        ]
        expect(flagged.flags).toEqual(expected)

        await api.delete(`/admin/customers/${ben.customer_id}`, admin())
        await eventually(async () => expect((await exportOf(ben.customer_id!)).referrals_as_referee[0].referee_email).toBeNull(), 20000)
        const { data: after } = await api.get(`/admin/referrals/${flagged.id}`, admin())
        expect(after.referral.flags).toEqual(expected)
        expect(JSON.stringify(after.referral)).not.toMatch(/bob@example|oak lane/i)

        // Erasing Anna leaves nobody to pay: her referral waiting for review is rejected, not left to be approved.
        const { data: erased } = await api.post(`/admin/referrals/customers/${anna.customer_id}/erase`, {}, admin())
        expect(erased.erasure).toMatchObject({ code_disabled: true, reviews_rejected: 1 })
        const { data: decided } = await api.get(`/admin/referrals/${flagged.id}`, admin())
        expect(decided.referral).toMatchObject({ status: "rejected", reason: "customer_erased" })
        const approve = await refusal(api.post(`/admin/referrals/${flagged.id}/approve`, {}, admin()))
        expect(approve.status).toBe(400)
        await api.post(`/admin/referrals/program`, { new_customers_only: true }, admin())
      })
    })

    describe("erasure on request", () => {
      it("erases a customer who stays a customer, once, and refuses an unknown id", async () => {
        const dan = await new Shopper(api, store, "dan@example.com").register("Dan")
        const code = (await dan.me()).referral_code.code as string

        const { data } = await api.post(`/admin/referrals/customers/${dan.customer_id}/erase`, {}, admin())
        expect(data.erasure).toMatchObject({ customer_id: dan.customer_id, code_disabled: true, rewards_revoked: 0 })
        const { data: promotions } = await api.get(`/admin/promotions?code=${code}`, admin())
        expect(promotions.promotions.map((p: { status: string }) => p.status)).toEqual(["inactive"])
        expect((await exportOf(dan.customer_id!)).referral_codes).toEqual([expect.objectContaining({ code, status: "disabled" })])

        const { data: again } = await api.post(`/admin/referrals/customers/${dan.customer_id}/erase`, {}, admin())
        expect(again.erasure.code_disabled).toBe(false)

        expect((await refusal(api.post(`/admin/referrals/customers/cus_unknown/erase`, {}, admin()))).status).toBe(404)
        expect((await refusal(api.get(`/admin/referrals/customers/cus_unknown/export`, admin()))).status).toBe(404)
        expect((await refusal(api.post(`/admin/referrals/customers/${dan.customer_id}/erase`, { force: true }, admin()))).status).toBe(400)
      })
    })

    describe("retention", () => {
      it("refuses to keep identifiers for less time than the rules read them", async () => {
        const refused = await refusal(api.post(`/admin/referrals/program`, { identifier_retention_days: 20 }, admin()))
        expect(refused.status).toBe(400)
        expect(refused.message).toContain("identifier_retention_days must be at least 30")
        const { data } = await api.post(`/admin/referrals/program`, { identifier_retention_days: 45, message_retention_days: 60 }, admin())
        expect(data.program).toMatchObject({ identifier_retention_days: 45, message_retention_days: 60 })
      })

      it("nulls old IP addresses and visitor ids and blanks old settled messages, keeping recent ones", async () => {
        const { anna, ben, code, prompt } = await referredLoop()
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // A second, recent friend from another device.
        await click(code, "device-eve", "198.51.100.7")
        const eve = await new ShopperAt(api, store, "eve@example.com", { ip: "198.51.100.7", visitor: "device-eve" }).register("Eve")
        await eve.checkoutWith(code)
        await eventually(async () => expect((await exportOf(eve.customer_id!)).referrals_as_referee[0]?.status).toBe("converted"), 20000)

        // Ben's attempt and click are 100 days old; Anna's prompt and message 400 days, and the prompt is settled.
        const old = new Date(Date.now() - 100 * DAY_MS)
        const older = new Date(Date.now() - 400 * DAY_MS)
        await knex("referral").where({ referee_customer_id: ben.customer_id }).update({ created_at: old })
        await knex("referral_touch").where({ type: "click", visitor_id: "device-ben" }).update({ created_at: old })
        await knex("referral_prompt").where({ id: prompt.id }).update({ created_at: older, expires_at: older })
        await knex("referral_message").where({ prompt_id: prompt.id }).update({ created_at: older })
        await expireReferralPromptsJob(getContainer())
        // A cart abandoned with Anna's code 100 days ago: never decided, so its address and device age out too.
        const fay = await new ShopperAt(api, store, "fay@example.com", { ip: "192.0.2.44", visitor: "device-fay" }).register("Fay")
        const abandoned = await fay.createCart()
        await fay.applyCode(abandoned, code)
        const origin = () => knex("referral_cart_origin").where({ cart_id: abandoned }).select("ip", "visitor_id")
        expect(await origin()).toEqual([{ ip: "192.0.2.44", visitor_id: "device-fay" }])
        await knex("referral_cart_origin").where({ cart_id: abandoned }).update({ updated_at: old })

        await applyReferralRetentionJob(getContainer())
        expect(await origin()).toEqual([])

        expect((await exportOf(ben.customer_id!)).referrals_as_referee).toEqual([
          expect.objectContaining({ referee_email: "ben@example.com", ip_address: null, visitor_id: null }),
        ])
        expect(await knex("referral_touch").where({ type: "click", code }).orderBy("created_at").select("visitor_id")).toEqual([
          { visitor_id: null },
          { visitor_id: "device-eve" },
        ])
        expect((await exportOf(eve.customer_id!)).referrals_as_referee).toEqual([
          expect.objectContaining({ ip_address: "198.51.100.7", visitor_id: "device-eve" }),
        ])
        const annaData = await exportOf(anna.customer_id!)
        expect(annaData.prompts.map((p: { message: string }) => p.message)).toEqual([""])
        expect(annaData.prompts[0].status).not.toBe("open")
        expect(annaData.messages.map((m: { message: string }) => m.message)).toEqual([""])

        // A second run finds nothing more to do.
        const { result } = await applyReferralRetentionWorkflow(getContainer()).run({ input: {} })
        expect(result).toEqual({ referrals: 0, touches: 0, prompts: 0, messages: 0, cart_origins: 0 })
      })
    })
  },
})
