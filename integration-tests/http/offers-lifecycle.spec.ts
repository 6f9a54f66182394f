import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { eventually, Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { capturePayment } from "../helpers/payments"
import { adminHeaders, refusal } from "../helpers/requests"
import { REFUSALS } from "../../src/rules/referral-rules"
import { type OfferWithdrawnHookInput, saveIncentiveArmWorkflow } from "../../src/workflows"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"

jest.setTimeout(240 * 1000)

/**
 * An offer's life after it was made: withdrawn offers stop being given, and the
 * referrer's reward code is theirs alone and expires. Referrers are paid with
 * reward codes here (no loyalty plugin); the variable is read when the runner
 * loads medusa-config, so it is set before.
 */
process.env.SMART_REFERRALS_WITHOUT_LOYALTY = "true"

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * A store's handler of the `offerWithdrawn` hook, registered in the test process
 * (the app's process); Medusa allows one per hook, so `withdrawalRefused` says
 * whether it refuses, as a store's own check might.
 */
const withdrawals: OfferWithdrawnHookInput[] = []
let withdrawalRefused = false
saveIncentiveArmWorkflow.hooks.offerWithdrawn(async (input) => {
  withdrawals.push(input)
  if (withdrawalRefused) {
    throw new MedusaError(MedusaError.Types.NOT_ALLOWED, "Injected: the store's own check refuses the withdrawal")
  }
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    afterAll(() => {
      delete process.env.SMART_REFERRALS_WITHOUT_LOYALTY
    })

    let store: SeededStore
    const admin = () => adminHeaders(store)
    const shopper = (email: string) => new Shopper(api, store, email)
    const codeOf = async (customerId: string) =>
      (await api.get(`/admin/referrals/customers/${customerId}`, admin())).data.referral_code
    const promotionOf = async (promotionId: string) =>
      (await api.get(`/admin/promotions/${promotionId}?fields=*application_method,*campaign,*rules`, admin())).data.promotion
    /** The discount a code gives on a fresh cart of this shopper, or the status that refused it. */
    const discountFor = (who: Shopper, code: string) =>
      who.createCart().then((cartId) =>
        who.applyCode(cartId, code).then(
          (r) => r.data.cart.discount_total as number,
          (e) => e.response.status as number
        )
      )

    /** A new offer, and an experiment that gives it to every customer asked from now on (both variants give it). */
    const everyoneOnNewOffer = async (arm: Record<string, unknown>) => {
      const { data: created } = await api.post(`/admin/referrals/arms`, arm, admin())
      const { data } = await api.post(
        `/admin/referrals/experiments`,
        {
          name: `Everyone on ${arm.name}`,
          dimension: "policy",
          control_key: "a",
          variants: [
            { key: "a", kind: "fixed_arm", arm_id: created.arm.id },
            { key: "b", kind: "fixed_arm", arm_id: created.arm.id },
          ],
        },
        admin()
      )
      return { arm: created.arm, experiment: data.experiment }
    }

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    describe("withdrawing an offer", () => {
      /** Anna's code carries a 25% offer: a fixed-offer experiment chose it at her first order. */
      const annaOnTheBigOffer = async () => {
        const { arm: big, experiment } = await everyoneOnNewOffer(
          { name: "Give 25%, get 5", referee_type: "percentage", referee_value: 25, referrer_type: "fixed", referrer_value: 5, referrer_currency_code: "usd" }
        )
        const anna = await shopper("anna@example.com").register("Anna")
        await anna.checkoutWith(null)
        const code = await eventually(async () => {
          const code = await codeOf(anna.customer_id!)
          expect(code?.arm_id).toBe(big.id)
          return code
        }, 20000)
        const { data: arms } = await api.get(`/admin/referrals/arms`, admin())
        const standard = arms.arms.find((arm: { is_default: boolean }) => arm.is_default)
        return { anna, code, big, standard, experiment }
      }

      it("moves every code of the offer, and its promotion, to the default offer", async () => {
        const { anna, code, big, standard } = await annaOnTheBigOffer()
        expect((await promotionOf(code.promotion_id)).application_method.value).toBe(25)

        const { data } = await api.post(`/admin/referrals/arms/${big.id}`, { active: false }, admin())
        expect(data.arm).toMatchObject({ id: big.id, active: false })

        expect(await codeOf(anna.customer_id!)).toMatchObject({ id: code.id, arm_id: standard.id })
        expect((await promotionOf(code.promotion_id)).application_method).toMatchObject({ type: "percentage", value: 10 })
        expect((await anna.me()).referral_code.offer).toMatchObject({ referee: expect.objectContaining({ value: 10 }) })
        // A friend adding the code now gets the default offer, never the withdrawn one.
        expect(await discountFor(await shopper("ben@example.com").register("Ben"), code.code)).toBe(10)
        expect(withdrawals.at(-1)).toEqual({ arm_id: big.id, default_arm_id: standard.id, referral_code_ids: [code.id] })
      })

      it("undoes the whole withdrawal when an offerWithdrawn handler refuses it", async () => {
        const { anna, code, big } = await annaOnTheBigOffer()
        withdrawalRefused = true
        try {
          const refused = await refusal(api.post(`/admin/referrals/arms/${big.id}`, { active: false }, admin()))
          expect(refused).toEqual({ status: 400, message: "Injected: the store's own check refuses the withdrawal" })
        } finally {
          withdrawalRefused = false
        }
        expect((await api.get(`/admin/referrals/arms`, admin())).data.arms).toContainEqual(
          expect.objectContaining({ id: big.id, active: true })
        )
        expect(await codeOf(anna.customer_id!)).toMatchObject({ id: code.id, arm_id: big.id })
        expect((await promotionOf(code.promotion_id)).application_method.value).toBe(25)
      })

      it("refuses at checkout a cart still holding the withdrawn discount, until the code is added again", async () => {
        const { code, big } = await annaOnTheBigOffer()
        const cleo = await shopper("cleo@example.com").register("Cleo")
        const cartId = await cleo.createCart()
        expect((await cleo.applyCode(cartId, code.code)).data.cart.discount_total).toBe(25)
        await api.post(`/admin/referrals/arms/${big.id}`, { active: false }, admin())

        await cleo.pay(cartId)
        expect(await refusal(cleo.complete(cartId))).toEqual({ status: 400, message: REFUSALS.offer_withdrawn })
        // Refused once, refused until the discount is recomputed.
        expect(await refusal(cleo.complete(cartId))).toEqual({ status: 400, message: REFUSALS.offer_withdrawn })

        expect((await cleo.applyCode(cartId, code.code)).data.cart.discount_total).toBe(10)
        await cleo.pay(cartId)
        const { data } = await cleo.complete(cartId)
        expect(data.type).toBe("order")
        expect(data.order.discount_total).toBe(10)
      })

      it("keeps the default offer, and experiments stop giving a withdrawn offer", async () => {
        const { big, standard, experiment } = await annaOnTheBigOffer()
        await api.post(`/admin/referrals/arms/${big.id}`, { active: false }, admin())

        const refused = await refusal(api.post(`/admin/referrals/arms/${standard.id}`, { active: false }, admin()))
        expect(refused.status).toBe(400)
        expect(refused.message).toMatch(/default offer can't be withdrawn/)
        expect((await api.get(`/admin/referrals/arms`, admin())).data.arms).toContainEqual(
          expect.objectContaining({ id: standard.id, active: true })
        )

        // The running fixed-offer experiment now gives the default offer.
        const dora = await shopper("dora@example.com").register("Dora")
        await dora.checkoutWith(null)
        await eventually(async () => {
          const { data } = await api.get(`/admin/referrals/moments?customer_id=${dora.customer_id}`, admin())
          expect(data.moments[0]?.decision).toBe("prompted")
        }, 20000)
        expect((await codeOf(dora.customer_id!)).arm_id).toBe(standard.id)

        // And no new experiment can fix the withdrawn offer.
        await api.post(`/admin/referrals/experiments/${experiment.id}/stop`, {}, admin())
        const again = await refusal(
          api.post(
            `/admin/referrals/experiments`,
            {
              name: "Withdrawn offer",
              dimension: "policy",
              control_key: "a",
              variants: [
                { key: "a", kind: "fixed_arm", arm_id: big.id },
                { key: "b", kind: "bandit" },
              ],
            },
            admin()
          )
        )
        expect(again.status).toBe(400)
        expect(again.message).toMatch(/needs an active offer/)

        // The store moves off its first offer by making another the default; then the old one can go.
        const { data: next } = await api.post(
          `/admin/referrals/arms`,
          { name: "Give 12, get 12", referee_type: "fixed", referee_value: 12, referee_currency_code: "usd", referrer_type: "fixed", referrer_value: 12, referrer_currency_code: "usd" },
          admin()
        )
        expect((await refusal(api.post(`/admin/referrals/arms/${big.id}`, { is_default: true }, admin()))).status).toBe(400)
        expect((await refusal(api.post(`/admin/referrals/arms/${next.arm.id}`, { is_default: false }, admin()))).status).toBe(400)
        await api.post(`/admin/referrals/arms/${next.arm.id}`, { is_default: true }, admin())
        await api.post(`/admin/referrals/arms/${standard.id}`, { active: false }, admin())
        const { data: after } = await api.get(`/admin/referrals/arms`, admin())
        const flags = (id: string) => after.arms.find((arm: { id: string }) => arm.id === id)
        expect(flags(next.arm.id)).toMatchObject({ is_default: true, active: true })
        expect(flags(standard.id)).toMatchObject({ is_default: false, active: false })
        // Dora's code carried the old default: it moved to the new one.
        expect((await codeOf(dora.customer_id!)).arm_id).toBe(next.arm.id)
      })
    })

    describe("reward codes", () => {
      /** Anna brings Ben; her reward, a code worth 10, is issued at once. */
      const annaRewarded = async () => {
        const anna = await shopper("anna@example.com").register("Anna")
        const { referral_code } = await anna.me()
        const order = await (await shopper("ben@example.com").register("Ben")).checkoutWith(referral_code.code)
        await eventually(async () => expect((await anna.me()).stats.converted).toBe(1), 20000)
        // Rewards are released for a captured payment only.
        await capturePayment(api, admin(), order.id)
        const { data } = await api.post(`/admin/referrals/rewards/release`, {}, admin())
        expect(data.release.issued).toBe(1)
        const [reward] = (await anna.me()).rewards
        expect(reward).toMatchObject({ kind: "promotion", status: "issued", code: expect.stringMatching(/^THANKS-/) })
        const { data: promotions } = await api.get(`/admin/promotions?code=${reward.code}`, admin())
        return { anna, code: reward.code as string, promotion_id: promotions.promotions[0].id as string }
      }

      it("gives the discount to the referrer only", async () => {
        await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed" }, admin())
        const { anna, code } = await annaRewarded()

        // Someone who got hold of the code, signed in or as a guest, gets nothing from it.
        expect([0, 400]).toContain(await discountFor(await shopper("zed@example.com").register("Zed"), code))
        expect([0, 400]).toContain(await discountFor(shopper("guest@example.com"), code))
        expect(await discountFor(anna, code)).toBe(10)
      })

      it("expires the code reward_code_expiry_days after it was issued (90 by default)", async () => {
        const { data: program } = await api.get(`/admin/referrals/program`, admin())
        expect(program.program.reward_code_expiry_days).toBe(90)
        await api.post(`/admin/referrals/program`, { reward_hold_days: 0, reward_hold_starts: "order_placed", reward_code_expiry_days: 30 }, admin())
        const issuedAt = Date.now()
        const { anna, code, promotion_id } = await annaRewarded()

        const { campaign } = await promotionOf(promotion_id)
        const endsAt = new Date(campaign.ends_at).getTime()
        expect(endsAt).toBeGreaterThanOrEqual(issuedAt + 30 * DAY_MS - 60_000)
        expect(endsAt).toBeLessThanOrEqual(Date.now() + 30 * DAY_MS + 60_000)
        expect(await discountFor(anna, code)).toBe(10)

        // The day after it ends, Medusa no longer knows the code.
        await api.post(`/admin/campaigns/${campaign.id}`, { ends_at: new Date(Date.now() - DAY_MS).toISOString() }, admin())
        expect([0, 400]).toContain(await discountFor(anna, code))
      })
    })

    describe("an offer a referrer shared", () => {
      it("is kept by a new ask while the shared prompt runs, so a later friend gets what the message promised and both sides come from it; a month later the next ask may change it", async () => {
        await api.post(
          `/admin/referrals/program`,
          { ask_cooldown_days: 0, max_prompts_per_30_days: 10, reward_hold_days: 0, reward_hold_starts: "order_placed" },
          admin()
        )
        const { data: running } = await api.get(`/admin/referrals/experiments`, admin())
        for (const experiment of running.experiments.filter((e: { status: string }) => e.status === "running")) {
          await api.post(`/admin/referrals/experiments/${experiment.id}/stop`, {}, admin())
        }
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        const promptsOf = (customerId: string) =>
          knex("referral_prompt").where({ customer_id: customerId }).orderBy("created_at").select("id", "arm_id", "sampled", "probability")

        const converted = async (orderId: string) =>
          eventually(async () => {
            const [found] = await knex("referral").where({ order_id: orderId }).select("id", "arm_id", "status")
            expect(found?.status).toBe("converted")
            return found
          })

        // Ada's first order asks her with whatever offer the bandit picks; Bea redeems it, which closes that ask.
        const ada = await shopper("ada-held@example.com").register("Ada")
        await ada.checkoutWith(null)
        const [first] = await eventually(async () => {
          const prompts = await promptsOf(ada.customer_id!)
          expect(prompts).toHaveLength(1)
          return prompts
        }, 20000)
        const code = await codeOf(ada.customer_id!)
        expect(code.arm_id).toBe(first.arm_id)
        const beaOrder = await (await shopper("bea-held@example.com").register("Bea")).checkoutWith(code.code)
        const promised = beaOrder.discount_total
        expect(promised).toBeGreaterThan(0)
        await converted(beaOrder.id)

        // The store then puts every customer on another offer (an experiment), and Ada is asked again (a promoter's NPS).
        const { arm: other, experiment } = await everyoneOnNewOffer(
          { name: "Give 15, get 15", referee_type: "fixed", referee_value: 15, referee_currency_code: "usd", referrer_type: "fixed", referrer_value: 15, referrer_currency_code: "usd" }
        )
        const askAgain = async (sourceId: string) => {
          const { data } = await api.post(
            `/admin/referrals/signals`,
            { type: "nps", score: 10, customer_id: ada.customer_id, source_id: sourceId },
            admin()
          )
          expect(data.moment.decision).toBe("prompted")
        }
        await askAgain("nps-held-1")
        const [, second] = await promptsOf(ada.customer_id!)
        // The offer her first message shared is still running: the new ask keeps it, and says so in its decision log.
        expect(second.arm_id).toBe(first.arm_id)
        expect(second.sampled.held_offer.prompt_id).toBe(first.id)
        expect(Number(second.probability)).toBe(1)
        expect((await codeOf(ada.customer_id!)).arm_id).toBe(first.arm_id)

        // Cyd opens the first message now: she gets what it promised, and Ada is rewarded from the same offer.
        const cyd = await shopper("cyd-held@example.com").register("Cyd")
        expect(await discountFor(cyd, code.code)).toBe(promised)
        const order = await cyd.checkoutWith(code.code)
        expect(order.discount_total).toBe(promised)
        const referral = await converted(order.id)
        expect(referral.arm_id).toBe(first.arm_id)
        const [armOffered] = await knex("incentive_arm").where({ id: first.arm_id }).select("referrer_value")
        const [reward] = await knex("referral_reward").where({ referral_id: referral.id, role: "referrer" }).select("amount")
        expect(Number(reward.amount)).toBe(Number(armOffered.referrer_value))

        // A month later no shared prompt runs any more: the next ask may bring the store's new offer.
        await knex("referral_prompt").where({ customer_id: ada.customer_id }).update({ expires_at: new Date(Date.now() - 1000) })
        await askAgain("nps-held-2")
        const third = (await promptsOf(ada.customer_id!))[2]
        expect(third.arm_id).toBe(other.id)
        expect(third.sampled.held_offer).toBeUndefined()
        expect((await codeOf(ada.customer_id!)).arm_id).toBe(other.id)
        await api.post(`/admin/referrals/experiments/${experiment.id}/stop`, {}, admin())
      })
    })
  },
})
