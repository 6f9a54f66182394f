import { existsSync, readFileSync, rmSync } from "fs"
import os from "os"
import path from "path"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { sendOfferExpiryRemindersWorkflow } from "../../src/workflows"
import { deliverOrder, seedWarehouse, type Warehouse } from "../helpers/deliveries"
import { capturePayment } from "../helpers/payments"

jest.setTimeout(180 * 1000)

/**
 * Asks and reward news reach the shopper through Medusa's Notification module.
 * A real provider module (tools/recording-notification) is registered for the
 * email channel and writes what it is handed to a file; the variable is read
 * when the runner loads medusa-config, so it is set before the runner starts.
 */
const OUTBOX = path.join(os.tmpdir(), `smart-referrals-notifications-${process.pid}.jsonl`)
rmSync(OUTBOX, { force: true })
process.env.SMART_REFERRALS_NOTIFICATIONS_FILE = OUTBOX
process.env.SMART_REFERRALS_OFFER_REMINDERS = "true"

type Sent = { to: string; channel: string; template: string; data: Record<string, any>; content: { subject: string; text: string; html: string } }
const outbox = (): Sent[] =>
  existsSync(OUTBOX) ? readFileSync(OUTBOX, "utf8").trim().split("\n").filter(Boolean).map((line) => JSON.parse(line)) : []
const sentTo = (email: string, template?: string) =>
  outbox().filter((n) => n.to === email && (!template || n.template === template))

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterAll(() => {
      delete process.env.SMART_REFERRALS_NOTIFICATIONS_FILE
      delete process.env.SMART_REFERRALS_OFFER_REMINDERS
      rmSync(OUTBOX, { force: true })
    })

    let store: SeededStore
    let warehouse: Warehouse
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const emit = (name: string, id: string) => getContainer().resolve(Modules.EVENT_BUS).emit([{ name, data: { id } }])
    const settle = () => new Promise((resolve) => setTimeout(resolve, 1500))

    beforeAll(async () => {
      store = await seedStore(getContainer())
      warehouse = await seedWarehouse(getContainer())
    })

    beforeEach(async () => {
      // A store that asks after delivery, not at checkout: a first order alone stays below the threshold.
      await api.post(
        `/admin/referrals/program`,
        // Rewards released on payment, not delivery (a one-line opt-in; the default waits for delivery).
        { reward_hold_days: 0, reward_hold_starts: "order_placed", moment_weights: { first_order: 0.2, delivered: 0.6 } },
        admin()
      )
    })

    /** A customer's first order, delivered: the moment that asks them. Answers their prompt. */
    const deliveredFirstOrder = async (buyer: Shopper) => {
      const order = await buyer.checkoutWith(null)
      await deliverOrder(api, admin(), warehouse, order)
      await eventually(async () => {
        const { data } = await api.get(`/admin/referrals/moments?customer_id=${buyer.customer_id}&trigger=delivery.created`, admin())
        expect(data.moments[0]?.decision).toBe("prompted")
      })
      // The moment is recorded before its prompt is written: wait for the prompt too.
      const prompt = await eventually(async () => {
        const { prompt } = await buyer.me()
        expect(prompt).not.toBeNull()
        return prompt
      })
      return prompt.id as string
    }

    it("emails the ask after delivery with the code, offer, share links and QR, once however often events arrive", async () => {
      const anna = await shopper("anna@example.com").register("Anna")
      const promptId = await deliveredFirstOrder(anna)
      const { referral_code } = await anna.me()

      const [ask] = await eventually(async () => {
        const asks = sentTo("anna@example.com", "smart-referrals-ask")
        expect(asks).toHaveLength(1)
        return asks
      })
      expect(ask.channel).toBe("email")
      expect(ask.data).toMatchObject({
        customer: { id: anna.customer_id, first_name: "Anna" },
        code: referral_code.code,
        share_url: referral_code.share_url,
        moment: "delivery.created",
        offer: {
          referee: { type: "percentage", value: 10, currency_code: null, label: "10% off" },
          referrer: { type: "store_credit", value: 10, currency_code: "usd", label: "$10.00 in store credit" },
        },
      })
      expect(ask.data.message).toContain(referral_code.code)
      const encodedLink = encodeURIComponent(referral_code.share_url)
      expect(ask.data.share_links.whatsapp).toContain(encodedLink)
      expect(ask.data.share_links.sms).toContain(encodedLink)
      expect(ask.data.share_links.email).toMatch(/^mailto:/)
      expect(ask.data.share_links.x).toContain(encodedLink)
      expect(ask.data.share_links.copy).toBe(referral_code.share_url)
      expect(ask.data.qr_code_data_url).toMatch(/^data:image\/png;base64,/)
      expect(ask.data.qr_code_svg).toContain("<svg")
      expect(ask.data.unsubscribe_url).toMatch(/^http:\/\/localhost:8000\/referrals\/unsubscribe\?token=/)
      // The plugin's own rendering, for providers that send raw content.
      expect(ask.content.subject).toBe("Share 10% off with a friend")
      expect(ask.content.text).toContain(referral_code.code)
      expect(ask.content.html).toContain(ask.data.unsubscribe_url.replace(/&/g, "&amp;"))

      // The prompt event and the delivery again: nothing more is sent.
      await emit("referral.prompt_created", promptId)
      await emit("referral.prompt_created", promptId)
      await settle()
      expect(sentTo("anna@example.com", "smart-referrals-ask")).toHaveLength(1)

      // A first order's own prompt is shown on the confirmation page: no email for it.
      await api.post(`/admin/referrals/program`, { moment_weights: { first_order: 0.5, delivered: 0.3 } }, admin())
      const dan = await shopper("dan@example.com").register("Dan")
      await dan.checkoutWith(null)
      await eventually(async () => expect((await dan.me()).prompt).not.toBeNull())
      await settle()
      expect(sentTo("dan@example.com")).toHaveLength(0)
    })

    it("sends no ask to a customer who opted out of marketing or unsubscribed, and still sends reward news", async () => {
      const carl = await shopper("carl@example.com").register("Carl")
      await api.post(`/admin/customers/${carl.customer_id}`, { metadata: { marketing_opt_out: true } }, admin())
      await deliveredFirstOrder(carl)
      await settle()
      expect(sentTo("carl@example.com")).toHaveLength(0)

      // Unsubscribing from the link in an ask switches asks off for that customer only.
      const erin = await shopper("erin@example.com").register("Erin")
      await deliveredFirstOrder(erin)
      const [ask] = await eventually(async () => {
        const asks = sentTo("erin@example.com", "smart-referrals-ask")
        expect(asks).toHaveLength(1)
        return asks
      })
      const token = new URL(ask.data.unsubscribe_url).searchParams.get("token")!
      const publicHeaders = { headers: { "x-publishable-api-key": store.publishable_key } }
      const forged = await refusal(api.post(`/store/referrals/unsubscribe`, { token: `${token.split(".")[0]}.forged-signature` }, publicHeaders))
      expect(forged.status).toBe(400)
      expect(forged.message).toMatch(/not valid/)
      expect((await refusal(api.post(`/store/referrals/unsubscribe`, {}, publicHeaders))).status).toBe(400)
      const done = await api.post(`/store/referrals/unsubscribe`, { token }, publicHeaders)
      expect(done.data).toEqual({ unsubscribed: true })
      const { data } = await api.get(`/admin/customers/${erin.customer_id}`, admin())
      expect(data.customer.metadata.referral_program).toMatchObject({ asks: false })

      // Erin's expiry reminder would be an ask too; a second delivered order asks her no more.
      const second = await erin.checkoutWith(null)
      await api.post(`/admin/referrals/program`, { ask_cooldown_days: 0 }, admin())
      await deliverOrder(api, admin(), warehouse, second)
      await settle()
      expect(sentTo("erin@example.com", "smart-referrals-ask")).toHaveLength(1)

      // Carl refers a friend: "a friend joined" and the reward are transactional and still reach him.
      const { referral_code } = await carl.me()
      const friend = await shopper("fay@example.com").register("Fay")
      await friend.checkoutWith(referral_code.code)
      await eventually(async () => expect(sentTo("carl@example.com", "smart-referrals-friend-joined")).toHaveLength(1))
      expect(sentTo("carl@example.com", "smart-referrals-ask")).toHaveLength(0)
    })

    it("tells the referrer when a friend joins, when the reward is paid and when it is taken back, each once", async () => {
      const gina = await shopper("gina@example.com").register("Gina")
      const { referral_code } = await gina.me()
      const hal = await shopper("hal@example.com").register("Hal")
      const order = await hal.checkoutWith(referral_code.code)

      const [joined] = await eventually(async () => {
        const mails = sentTo("gina@example.com", "smart-referrals-friend-joined")
        expect(mails).toHaveLength(1)
        return mails
      })
      expect(joined.data).toMatchObject({
        customer: { first_name: "Gina" },
        friend_first_name: "Hal",
        reward: { kind: "store_credit", amount: 10, currency_code: "usd", label: "$10.00 in store credit", release_at: expect.any(String) },
      })
      expect(joined.content.text).toContain("Hal placed their first order")
      expect(JSON.stringify(joined.data)).not.toContain("hal@example.com")

      await capturePayment(api, admin(), order.id)
      const { data: release } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
      expect(release.release.issued).toBe(1)
      const [issued] = await eventually(async () => {
        const mails = sentTo("gina@example.com", "smart-referrals-reward-issued")
        expect(mails).toHaveLength(1)
        return mails
      })
      expect(issued.data.reward).toMatchObject({ kind: "store_credit", amount: 10, currency_code: "usd", code: null })
      expect(issued.data.how_to_use).toMatch(/store credit/)

      await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
      const [revoked] = await eventually(async () => {
        const mails = sentTo("gina@example.com", "smart-referrals-reward-revoked")
        expect(mails).toHaveLength(1)
        return mails
      })
      expect(revoked.data.reward.label).toBe("$10.00 in store credit")

      // Every event once more: nothing is sent twice.
      const { data } = await api.get(`/admin/referrals?referrer_customer_id=${gina.customer_id}`, admin())
      const referral = data.referrals[0]
      const reward = referral.rewards.find((r: { role: string }) => r.role === "referrer")
      await emit("referral.converted", referral.id)
      await emit("referral.reward_issued", reward.id)
      await emit("referral.reward_revoked", reward.id)
      await settle()
      expect(sentTo("gina@example.com").map((n) => n.template).sort()).toEqual([
        "smart-referrals-friend-joined",
        "smart-referrals-reward-issued",
        "smart-referrals-reward-revoked",
      ])
      // The friend's own side (the discount at checkout) is not announced.
      expect(sentTo("hal@example.com")).toHaveLength(0)

      // The admin sees what was sent to the customer.
      const { data: listed } = await api.get(`/admin/referrals/customers/${gina.customer_id}/notifications`, admin())
      expect(listed.notifications.map((n: { kind: string }) => n.kind).sort()).toEqual(["friend_joined", "reward_issued", "reward_revoked"])
      expect(listed.notifications[0]).toMatchObject({ channel: "email", to: "gina@example.com", status: "success" })
    })

    it("announces a referral held for review only once an admin approves it", async () => {
      await api.post(`/admin/referrals/program`, { require_review: true }, admin())
      try {
        const ivy = await shopper("ivy@example.com").register("Ivy")
        const { referral_code } = await ivy.me()
        const jon = await shopper("jon@example.com").register("Jon")
        await jon.checkoutWith(referral_code.code)
        const referral = await eventually(async () => {
          const { data } = await api.get(`/admin/referrals?referrer_customer_id=${ivy.customer_id}`, admin())
          expect(data.referrals[0]?.status).toBe("review")
          return data.referrals[0]
        })
        await settle()
        expect(sentTo("ivy@example.com")).toHaveLength(0)
        await api.post(`/admin/referrals/${referral.id}/approve`, {}, admin())
        await eventually(async () => expect(sentTo("ivy@example.com", "smart-referrals-friend-joined")).toHaveLength(1))
      } finally {
        await api.post(`/admin/referrals/program`, { require_review: false }, admin())
      }
    })
    it("reminds a referrer whose shared offer is about to expire, once, and not one who never shared", async () => {
      const lea = await shopper("lea@example.com").register("Lea")
      const promptId = await deliveredFirstOrder(lea)
      await api.post(`/store/referrals/me/prompt/${promptId}/shared`, { channel: "whatsapp" }, lea.headers())
      const max = await shopper("max@example.com").register("Max")
      await deliveredFirstOrder(max)

      const remind = (daysAhead: number) =>
        sendOfferExpiryRemindersWorkflow(getContainer()).run({ input: { now: new Date(Date.now() + daysAhead * 86400000) } })
      // A week in, the offer is not ending yet.
      expect((await remind(7)).result.sent).toHaveLength(0)
      // Two days before it ends (30-day window, 3-day reminder): Lea is reminded, twice run, once sent.
      await remind(28)
      await remind(28)
      const reminders = sentTo("lea@example.com", "smart-referrals-offer-expiring")
      expect(reminders).toHaveLength(1)
      expect(reminders[0].data).toMatchObject({ customer: { first_name: "Lea" }, offer: { referee: { label: "10% off" } } })
      expect(reminders[0].data.unsubscribe_url).toMatch(/token=/)
      expect(sentTo("max@example.com", "smart-referrals-offer-expiring")).toHaveLength(0)
    })
  },
})
