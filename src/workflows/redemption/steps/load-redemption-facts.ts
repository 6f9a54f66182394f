import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { normalizeCode } from "../../../rules/referral-code-format"
import type { RedemptionFacts } from "../../../rules/referral-rules"
import { UNKNOWN_CART_ORIGIN, type CartOrigin } from "../../../types/referral/cart-origin"
import { paymentFingerprints } from "../../../rules/referral-flags"
import { hasOrderedBefore } from "../../../analytics/prior-orders"
import { loadReferrerIdentity } from "../utils/referrer-identity"
import { referralCodeCandidates } from "../../../rules/currency-promotions"
import { offersCurrency } from "../../../rules/offer"
import { CAP_COUNTED_REFERRAL_STATUSES, DAY_MS } from "../../../types"

export const loadRedemptionFactsStepId = "load-referral-redemption-facts"

export type LoadRedemptionFactsStepInput = {
  cart_id: string
  /** Codes being added right now, before they are on the cart. */
  promo_codes?: string[]
}

export type RedemptionSubject = {
  cart_id: string
  referral_code: { id: string; code: string; customer_id: string; arm_id: string | null }
  friend: { customer_id: string | null; email: string | null }
  /** The client address and visitor id of the cart's last request with the code (see `record-cart-origin`). */
  origin: CartOrigin
  facts: RedemptionFacts
}

/**
 * Everything the redemption rules need about a cart that carries a referral
 * code: the friend (cart, customer, shipping address, whether anyone with the
 * friend's normalised identity ordered before) and the
 * referrer (emails, phones, addresses, conversions in the cap window). Answers
 * null when no referral code is involved, so ordinary promotions pass untouched.
 */
export const loadRedemptionFactsStep = createStep(
  loadRedemptionFactsStepId,
  async (input: LoadRedemptionFactsStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)

    const {
      data: [cart],
    } = await query.graph({
      entity: "cart",
      fields: [
        "id",
        "email",
        "currency_code",
        "customer_id",
        "customer.email",
        "customer.phone",
        "shipping_address.*",
        "promotions.code",
        "payment_collection.payment_sessions.data",
      ],
      filters: { id: input.cart_id },
    })
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    }

    const codes = [
      ...new Set(
        [...(cart.promotions ?? []).map((promotion) => promotion?.code), ...(input.promo_codes ?? [])]
          .filter((code): code is string => !!code)
          .map(normalizeCode)
      ),
    ]
    if (!codes.length) {
      return new StepResponse(null)
    }
    // A currency promotion's code (`ANNA-7K3QX9-EUR`) stands for its referral code.
    const codeRows = await referrals.listReferralCodes({ code: referralCodeCandidates(codes) })
    if (!codeRows.length) {
      return new StepResponse(null)
    }
    const adding = new Set(referralCodeCandidates(input.promo_codes ?? []))
    const code = codeRows.find((row) => adding.has(row.code)) ?? codeRows[0]

    const settings = await referrals.retrieveProgramSettings()
    const offerActive = await isOfferActive(referrals, input.cart_id, code, adding.has(code.code))
    const arm = code.arm_id
      ? await referrals.retrieveIncentiveArm(code.arm_id)
      : (await referrals.listIncentiveArms({ is_default: true }, { take: 1 }))[0]
    const friendEmails = [cart.email, cart.customer?.email]
    const friendPhones = [cart.customer?.phone, cart.shipping_address?.phone]
    const fingerprints = (cart.payment_collection?.payment_sessions ?? []).flatMap((session) =>
      paymentFingerprints(session?.data)
    )
    const [referrer, orderedBefore, conversions, [origin]] = await Promise.all([
      loadReferrerIdentity(container, code.customer_id),
      settings.new_customers_only &&
        hasOrderedBefore(container, {
          customer_id: cart.customer_id,
          emails: friendEmails,
          phones: friendPhones,
          address: cart.shipping_address,
          payment_fingerprints: fingerprints,
        }),
      referrals.listAndCountReferrals(
        {
          referral_code_id: code.id,
          status: [...CAP_COUNTED_REFERRAL_STATUSES],
          converted_at: { $gte: new Date(Date.now() - settings.referrer_cap_window_days * DAY_MS) },
        },
        { take: 1, select: ["id"] }
      ),
      referrals.listReferralCartOrigins({ cart_id: cart.id }, { take: 1 }),
    ])

    const subject: RedemptionSubject = {
      cart_id: cart.id,
      referral_code: { id: code.id, code: code.code, customer_id: code.customer_id, arm_id: code.arm_id },
      friend: { customer_id: cart.customer_id ?? null, email: cart.email ?? cart.customer?.email ?? null },
      origin: origin ? { ip: origin.ip, visitor_id: origin.visitor_id, source: origin.source } : UNKNOWN_CART_ORIGIN,
      facts: {
        program: settings,
        code: { status: code.status, customer_id: code.customer_id },
        offer: { active: offerActive, currency_offered: !arm || offersCurrency(arm, cart.currency_code) },
        referral_codes_in_cart: codeRows.length,
        friend: {
          customer_id: cart.customer_id,
          emails: friendEmails,
          phones: friendPhones,
          address: cart.shipping_address,
          prior_orders: orderedBefore ? 1 : 0,
        },
        referrer: { ...referrer, conversions_in_window: conversions[1] },
      },
    }
    return new StepResponse(subject)
  }
)

/**
 * Whether the offer behind the cart's referral discount is still on. A code
 * being added now gets its arm's current offer, so only that arm counts. At
 * checkout the cart keeps the discount computed when the code was last added:
 * the arm recorded then must be on too, and a cart refused for a withdrawn
 * offer stays refused until the code is added again (which recomputes it).
 */
async function isOfferActive(
  referrals: IReferralModuleService,
  cartId: string,
  code: { code: string; arm_id: string | null },
  adding: boolean
): Promise<boolean> {
  const armIds = code.arm_id ? [code.arm_id] : []
  if (!adding) {
    const [attempt] = await referrals.listReferrals(
      { cart_id: cartId, code: code.code },
      { take: 1, select: ["status", "reason", "arm_id"] }
    )
    if (attempt?.status === "rejected" && attempt.reason === "offer_withdrawn") {
      return false
    }
    if (attempt?.status === "pending" && attempt.arm_id) {
      armIds.push(attempt.arm_id)
    }
  }
  if (!armIds.length) {
    return true
  }
  const arms = await referrals.listIncentiveArms({ id: armIds }, { select: ["id", "active"] })
  return armIds.every((id) => arms.some((arm) => arm.id === id && arm.active))
}

