import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { normalizeCode } from "../../../rules/referral-code-format"
import type { RedemptionFacts } from "../../../rules/referral-rules"
import { cartOriginOf, type CartOrigin } from "../../../utils/cart-origin"
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
  /** The client address and visitor id of the cart's last request (see `record-cart-origin`). */
  origin: CartOrigin
  facts: RedemptionFacts
}

const REFERRER_ORDER_ADDRESSES = 50

/**
 * Everything the redemption rules need about a cart that carries a referral
 * code: the friend (cart, customer, shipping address, earlier orders) and the
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
        "customer_id",
        "customer.email",
        "customer.phone",
        "shipping_address.*",
        "promotions.code",
        "metadata",
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
    const codeRows = await referrals.listReferralCodes({ code: codes })
    if (!codeRows.length) {
      return new StepResponse(null)
    }
    const adding = new Set((input.promo_codes ?? []).map(normalizeCode))
    const code = codeRows.find((row) => adding.has(row.code)) ?? codeRows[0]

    const settings = await referrals.retrieveProgramSettings()
    const friendEmails = [cart.email, cart.customer?.email]
    const [referrer, referrerOrders, friendOrders, conversions] = await Promise.all([
      query.graph({
        entity: "customer",
        fields: ["id", "email", "phone", "addresses.*"],
        filters: { id: code.customer_id },
      }),
      query.graph({
        entity: "order",
        fields: ["id", "email", "shipping_address.*"],
        filters: { customer_id: code.customer_id },
        pagination: { take: REFERRER_ORDER_ADDRESSES, order: { created_at: "DESC" } },
      }),
      countFriendOrders(query, cart.customer_id, friendEmails),
      referrals.listAndCountReferrals(
        {
          referral_code_id: code.id,
          status: [...CAP_COUNTED_REFERRAL_STATUSES],
          converted_at: { $gte: new Date(Date.now() - settings.referrer_cap_window_days * DAY_MS) },
        },
        { take: 1, select: ["id"] }
      ),
    ])
    const referrerCustomer = referrer.data[0]
    const referrerAddresses = [
      ...(referrerCustomer?.addresses ?? []),
      ...referrerOrders.data.map((order) => order.shipping_address),
    ]

    const subject: RedemptionSubject = {
      cart_id: cart.id,
      referral_code: { id: code.id, code: code.code, customer_id: code.customer_id, arm_id: code.arm_id },
      friend: { customer_id: cart.customer_id ?? null, email: cart.email ?? cart.customer?.email ?? null },
      origin: cartOriginOf(cart.metadata),
      facts: {
        program: settings,
        code: { status: code.status, customer_id: code.customer_id },
        referral_codes_in_cart: codeRows.length,
        friend: {
          customer_id: cart.customer_id,
          emails: friendEmails,
          phones: [cart.customer?.phone, cart.shipping_address?.phone],
          address: cart.shipping_address,
          prior_orders: friendOrders,
        },
        referrer: {
          emails: [referrerCustomer?.email, ...referrerOrders.data.map((order) => order.email)],
          phones: [referrerCustomer?.phone, ...referrerAddresses.map((address) => address?.phone)],
          addresses: referrerAddresses,
          conversions_in_window: conversions[1],
        },
      },
    }
    return new StepResponse(subject)
  }
)

async function countFriendOrders(
  query: { graph: Function },
  customerId: string | null | undefined,
  emails: (string | null | undefined)[]
): Promise<number> {
  const known = emails.filter((email): email is string => !!email)
  const or: Record<string, unknown>[] = []
  if (customerId) {
    or.push({ customer_id: customerId })
  }
  if (known.length) {
    or.push({ email: known })
  }
  if (!or.length) {
    return 0
  }
  const { data } = await query.graph({
    entity: "order",
    fields: ["id"],
    filters: { $or: or, status: { $ne: "canceled" } },
    pagination: { take: 1 },
  })
  return data.length
}
