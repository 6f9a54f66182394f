import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { cancelOrderWorkflow } from "@medusajs/medusa/core-flows"
import { issueReferralRewardWorkflow } from "../../src/workflows"
import type { IReferralModuleService } from "../../src/types"
import { eventually, Shopper } from "../helpers/shopper"
import { referrerRewardOf, releaseRewards } from "../helpers/rewards"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders, refusal } from "../helpers/requests"
import { deliverOrder, fulfilOrder, seedWarehouse, type Warehouse } from "../helpers/deliveries"
import { capturePayment, refundPayment } from "../helpers/payments"

jest.setTimeout(180 * 1000)

type StoreCredit = {
  debitAccounts: (data: Record<string, unknown>[]) => Promise<unknown>
  listAccountTransactions: (filters: Record<string, unknown>) => Promise<{ id: string; amount: number }[]>
}

/**
 * A cancel that arrives while a reward is being paid: the hook runs after the
 * referrer was credited and before the reward is recorded as issued. It
 * cancels the order and waits until the cancel's clawback has run (and found
 * the reward still `issuing`).
 */
let cancelWhileIssuing: { order_id: string; referral_id: string } | null = null
issueReferralRewardWorkflow.hooks.rewardIssued(async (_input, { container }) => {
  if (!cancelWhileIssuing) {
    return
  }
  const { order_id, referral_id } = cancelWhileIssuing
  cancelWhileIssuing = null
  await cancelOrderWorkflow(container as MedusaContainer).run({ input: { order_id } })
  await eventually(async () => {
    const referral = await container.resolve<IReferralModuleService>("referral").retrieveReferral(referral_id)
    expect(referral.status).toBe("rejected")
  })
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore
    let warehouse: Warehouse
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const setProgram = (changes: Record<string, unknown>) => api.post(`/admin/referrals/program`, changes, admin())
    const release = () => releaseRewards(api, admin())
    const referralOf = (customerId: string) => referrerRewardOf(api, admin(), customerId)
    const storeCredit = () => getContainer().resolve<StoreCredit>("store_credit")

    beforeAll(async () => {
      store = await seedStore(getContainer())
      warehouse = await seedWarehouse(getContainer())
    })

    /**
     * Anna refers `friend`, who buys the 100 mug with her code (10 off) and,
     * with `shipping`, pays 10 for express shipping: an order of 100.
     */
    async function referredOrder(friendName: string, shipping = 0) {
      const anna = await shopper(`anna-${friendName}@example.com`).register("Anna")
      const { referral_code } = await anna.me()
      const friend = await shopper(`${friendName}@example.com`).register(friendName)
      const cartId = await friend.createCart()
      await friend.applyCode(cartId, referral_code.code)
      if (shipping) {
        await getContainer()
          .resolve(Modules.CART)
          .addShippingMethods({ cart_id: cartId, name: "Express", amount: shipping })
      }
      await friend.pay(cartId)
      const { data } = await friend.complete(cartId)
      expect(data.type).toBe("order")
      const { referral, reward } = await eventually(async () => {
        const found = await referralOf(anna.customer_id!)
        expect(found.reward?.status).toBe("held")
        return found
      })
      return { anna, order: data.order, referral, reward }
    }

    it("holds the reward 30 days by default, counted from when the order is paid and delivered", async () => {
      const { data } = await api.get(`/admin/referrals/program`, admin())
      expect(data.program).toMatchObject({ reward_hold_days: 30, reward_hold_starts: "delivered", reward_min_net_share: 0.5 })
      const { reward } = await referredOrder("ben")
      const holdDays = (new Date(reward.release_at).getTime() - Date.now()) / 86400000
      expect(holdDays).toBeGreaterThan(29.9)
      expect(holdDays).toBeLessThanOrEqual(30)
    })

    it("counts the hold from fulfilment, not delivery, when reward_hold_starts is fulfilled", async () => {
      await setProgram({ reward_hold_days: 0, reward_hold_starts: "fulfilled" })
      const { anna, order, reward } = await referredOrder("bob")

      await capturePayment(api, admin(), order.id)
      expect(await release()).toMatchObject({ issued: 0, failed: [] })
      expect((await referralOf(anna.customer_id!)).reward).toMatchObject({ id: reward.id, status: "held" })

      // Packed and handed over, never marked delivered.
      await fulfilOrder(api, admin(), warehouse, order)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,fulfillment_status`, admin())
      expect(data.order.fulfillment_status).toBe("fulfilled")
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      expect((await referralOf(anna.customer_id!)).reward.status).toBe("issued")
      expect(await anna.creditBalance()).toBe(10)
    })

    it("releases a reward only once the payment is captured and the order delivered", async () => {
      await setProgram({ reward_hold_days: 0 })
      const { anna, order, reward } = await referredOrder("cleo")

      expect(await release()).toMatchObject({ issued: 0, failed: [] })
      await capturePayment(api, admin(), order.id)
      expect(await release()).toMatchObject({ issued: 0, failed: [] })
      expect((await referralOf(anna.customer_id!)).reward).toMatchObject({ id: reward.id, status: "held" })

      await deliverOrder(api, admin(), warehouse, order)
      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      expect((await referralOf(anna.customer_id!)).reward.status).toBe("issued")
      expect(await anna.creditBalance()).toBe(10)
    })

    it("keeps the reward for a small partial return and revokes it when refunds cover the referred items, though the shipping was kept", async () => {
      await setProgram({ reward_hold_days: 0, reward_hold_starts: "order_placed" })
      const { anna, order } = await referredOrder("dora", 10)
      expect(order.total).toBe(100)
      const paymentId = await capturePayment(api, admin(), order.id)
      expect(await release()).toMatchObject({ issued: 1 })
      expect(await anna.creditBalance()).toBe(10)

      // One of three parts returned: 30 of the 90 paid for the mug.
      await refundPayment(api, admin(), paymentId, 30)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect((await referralOf(anna.customer_id!)).reward.status).toBe("issued")

      // The rest of the mug: only the shipping stays paid, so the order is merely partially refunded.
      await refundPayment(api, admin(), paymentId, 60)
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,payment_status`, admin())
      expect(data.order.payment_status).toBe("partially_refunded")
      await eventually(async () => {
        const { referral, reward } = await referralOf(anna.customer_id!)
        expect(referral).toMatchObject({ status: "rejected", reason: "order_refunded" })
        expect(reward).toMatchObject({ status: "revoked", note: "order_refunded: 10 of 10 debited" })
      })
      expect(await anna.creditBalance()).toBe(0)
    })

    it("revokes the reward when a partial refund leaves less than reward_min_net_share of the referred items, and keeps it above", async () => {
      // The referred value is 90 (the 100 mug, 10 off); a share of 0.8 must keep 72 of it.
      await setProgram({ reward_min_net_share: 0.8 })
      const { anna, order, reward } = await referredOrder("ida")
      const paymentId = await capturePayment(api, admin(), order.id)

      // 15 back keeps 75: above the share.
      await refundPayment(api, admin(), paymentId, 15)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      expect(await referralOf(anna.customer_id!)).toMatchObject({
        referral: { status: "converted" },
        reward: { id: reward.id, status: "held" },
      })

      // 5 more keeps 70: below the share, though most of the mug stays paid for.
      await refundPayment(api, admin(), paymentId, 5)
      await eventually(async () => {
        expect(await referralOf(anna.customer_id!)).toMatchObject({
          referral: { status: "rejected", reason: "order_refunded" },
          reward: { id: reward.id, status: "revoked" },
        })
      })
      const { data } = await api.get(`/admin/orders/${order.id}?fields=id,payment_status`, admin())
      expect(data.order.payment_status).toBe("partially_refunded")
    })

    it("lets the admin revoke a held or an issued reward with a reason, and shows it", async () => {
      await setProgram({ reward_hold_days: 0, reward_hold_starts: "order_placed" })
      const held = await referredOrder("eve")
      const revokeHeld = await api.post(`/admin/referrals/rewards/${held.reward.id}/revoke`, { reason: "Returned by post" }, admin())
      expect(revokeHeld.data.reward).toMatchObject({ id: held.reward.id, status: "revoked", note: "Returned by post" })

      const issued = await referredOrder("fay")
      await capturePayment(api, admin(), issued.order.id)
      expect(await release()).toMatchObject({ issued: 1 })
      expect(await issued.anna.creditBalance()).toBe(10)
      const revokeIssued = await api.post(`/admin/referrals/rewards/${issued.reward.id}/revoke`, { reason: "Fraud" }, admin())
      expect(revokeIssued.data.reward).toMatchObject({ status: "revoked", note: "Fraud: 10 of 10 debited" })
      expect(await issued.anna.creditBalance()).toBe(0)

      const seen = await referralOf(issued.anna.customer_id!)
      expect(seen.referral).toMatchObject({ status: "rejected", reason: "Fraud" })
      expect(seen.reward).toMatchObject({ status: "revoked", note: "Fraud: 10 of 10 debited", revoked_at: expect.any(String) })

      const twice = await refusal(api.post(`/admin/referrals/rewards/${issued.reward.id}/revoke`, { reason: "Again" }, admin()))
      expect(twice).toEqual({ status: 400, message: `Reward ${issued.reward.id} is already revoked.` })
      const friendsDiscount = issued.referral.rewards.find((r: { role: string }) => r.role === "referee")
      expect((await refusal(api.post(`/admin/referrals/rewards/${friendsDiscount.id}/revoke`, { reason: "x" }, admin()))).status).toBe(400)
      expect((await refusal(api.post(`/admin/referrals/rewards/${issued.reward.id}/revoke`, {}, admin()))).status).toBe(400)
      expect((await refusal(api.post(`/admin/referrals/rewards/refrwd_missing/revoke`, { reason: "x" }, admin()))).status).toBe(404)
      expect(await issued.anna.creditBalance()).toBe(0)
    })

    it("records a clawback as pending and retries a failed debit until it succeeds, debiting once", async () => {
      await setProgram({ reward_hold_days: 0, reward_hold_starts: "order_placed" })
      const { anna, order, reward } = await referredOrder("gus")
      await capturePayment(api, admin(), order.id)
      expect(await release()).toMatchObject({ issued: 1 })

      // The referrer spends the credit at the moment of the clawback: the loyalty plugin refuses the debit.
      const service = storeCredit()
      const debit = service.debitAccounts
      service.debitAccounts = async () => {
        throw new Error("Insufficient balance")
      }
      try {
        await api.post(`/admin/orders/${order.id}/cancel`, {}, admin())
        await eventually(async () => {
          const found = await referralOf(anna.customer_id!)
          expect(found.referral).toMatchObject({ status: "rejected", reason: "order_canceled" })
          expect(found.reward).toMatchObject({ status: "revoking", note: "order_canceled" })
        })
        expect(await anna.creditBalance()).toBe(10)
        expect(await release()).toMatchObject({ revoked: 0, failed: [reward.id] })
      } finally {
        service.debitAccounts = debit
      }

      // The event is delivered again (as the Redis event bus does after a failed handler).
      await getContainer().resolve(Modules.EVENT_BUS).emit([{ name: "order.canceled", data: { id: order.id } }])
      await eventually(async () => {
        expect((await referralOf(anna.customer_id!)).reward).toMatchObject({
          status: "revoked",
          note: "order_canceled: 10 of 10 debited",
        })
      })
      expect(await release()).toMatchObject({ revoked: 0, failed: [] })
      expect(await anna.creditBalance()).toBe(0)
      const debits = await service.listAccountTransactions({ reference: "referral_reward_clawback", reference_id: reward.id })
      expect(debits).toHaveLength(1)
    })

    it("revokes a reward after its issue finishes when the order is canceled while it is being issued", async () => {
      await setProgram({ reward_hold_days: 0, reward_hold_starts: "order_placed" })
      const { anna, order, referral } = await referredOrder("hal")
      await capturePayment(api, admin(), order.id)
      cancelWhileIssuing = { order_id: order.id, referral_id: referral.id }

      expect(await release()).toMatchObject({ issued: 1, failed: [] })
      expect(cancelWhileIssuing).toBeNull()
      await eventually(async () => {
        const found = await referralOf(anna.customer_id!)
        expect(found.referral).toMatchObject({ status: "rejected", reason: "order_canceled" })
        expect(found.reward).toMatchObject({ status: "revoked", note: "order_canceled: 10 of 10 debited" })
      })
      expect(await anna.creditBalance()).toBe(0)
    })
  },
})
