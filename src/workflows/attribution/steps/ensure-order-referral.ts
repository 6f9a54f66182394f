import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { ConvertReferralInput } from "../../../modules/referral/service"
import { normalizeEmail } from "../../../rules/normalize-identity"
import { referrerRewardFor } from "../../../rules/offer"
import { normalizeCode } from "../../../rules/referral-code-format"
import { referralCodeCandidates } from "../../../rules/currency-promotions"
import { referrerCurrency, storeDefaultCurrency } from "../utils/referrer-currency"

export const ensureOrderReferralStepId = "ensure-order-referral"

type Adjustment = { code?: string | null; amount?: BigNumberInput | null } | null

/**
 * Finds the referral code an order redeemed (from its adjustments, so it works
 * whichever way the code reached the cart) and prepares the conversion: the
 * order's amount and currency, what the friend saved, and the referrer's reward
 * from the code's arm, in the currency the referrer shops in (none when the
 * arm lists no amount for it: the conversion then waits for review). Answers
 * null for orders without a referral code (or one of its currency promotions,
 * `CODE-EUR`). The referral recorded when the code met the cart is reused; an order that skipped
 * that (e.g. created by an admin) gets one now; compensation removes a
 * referral this step created.
 */
export const ensureOrderReferralStep = createStep(
  ensureOrderReferralStepId,
  async (input: { order_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)

    const {
      data: [order],
    } = await query.graph({
      entity: "order",
      fields: [
        "id",
        "email",
        "customer_id",
        "currency_code",
        "total",
        "items.adjustments.code",
        "items.adjustments.amount",
        "shipping_methods.adjustments.code",
        "shipping_methods.adjustments.amount",
      ],
      filters: { id: input.order_id },
    })
    if (!order) {
      return new StepResponse(null)
    }
    const adjustments: Adjustment[] = [
      ...(order.items ?? []).flatMap((item) => item?.adjustments ?? []),
      ...(order.shipping_methods ?? []).flatMap((method) => method?.adjustments ?? []),
    ]
    const codes = [...new Set(adjustments.map((a) => a?.code).filter((c): c is string => !!c).map(normalizeCode))]
    if (!codes.length) {
      return new StepResponse(null)
    }
    const [code] = await referrals.listReferralCodes({ code: referralCodeCandidates(codes) }, { take: 1 })
    if (!code) {
      return new StepResponse(null)
    }

    const { referral, created } = await findOrCreateReferral(query, referrals, order, code)
    const arm = code.arm_id
      ? await referrals.retrieveIncentiveArm(code.arm_id)
      : (await referrals.listIncentiveArms({ is_default: true }, { take: 1 }))[0]

    const discount = adjustments
      .filter((a) => a?.code && referralCodeCandidates([a.code]).includes(code.code))
      .reduce((sum, a) => MathBN.add(sum, a?.amount ?? 0), MathBN.convert(0))

    const conversion: ConvertReferralInput = {
      referral_id: referral.id,
      order_id: order.id,
      order_total: MathBN.convert(order.total ?? 0).toNumber(),
      currency_code: order.currency_code,
      referee_customer_id: order.customer_id ?? null,
      referee_email: normalizeEmail(order.email),
      referrer_reward: referrerRewardFor(
        arm,
        await referrerCurrency(container, code.customer_id, order.currency_code),
        await storeDefaultCurrency(container, order.currency_code)
      ),
      referee_discount: discount.toNumber(),
    }
    return new StepResponse(conversion, created ? referral.id : null)
  },
  async (createdId, { container }) => {
    if (createdId) {
      await container.resolve<IReferralModuleService>(REFERRAL_MODULE).deleteReferrals(createdId)
    }
  }
)

async function findOrCreateReferral(
  query: { graph: Function },
  referrals: IReferralModuleService,
  order: { id: string; email?: string | null; customer_id?: string | null },
  code: { id: string; code: string; customer_id: string; arm_id: string | null }
) {
  const [byOrder] = await referrals.listReferrals({ order_id: order.id }, { take: 1 })
  if (byOrder) {
    return { referral: byOrder, created: false }
  }
  const { data: links } = await query.graph({
    entity: "order_cart",
    fields: ["cart_id"],
    filters: { order_id: order.id },
  })
  const cartId: string | undefined = links[0]?.cart_id
  if (cartId) {
    const [byCart] = await referrals.listReferrals({ cart_id: cartId }, { take: 1 })
    if (byCart) {
      return { referral: byCart, created: false }
    }
  }
  const created = await referrals.createReferrals({
    code: code.code,
    referral_code_id: code.id,
    referrer_customer_id: code.customer_id,
    referee_customer_id: order.customer_id ?? null,
    referee_email: normalizeEmail(order.email),
    arm_id: code.arm_id,
    cart_id: cartId ?? null,
    status: "pending",
    attributed_at: new Date(),
  })
  return { referral: created, created: true }
}
