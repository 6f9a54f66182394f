import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { ConvertReferralInput, IReferralModuleService } from "../../../types"
import { hasOrderedBefore } from "../../../analytics/prior-orders"
import type { AddressLike } from "../../../rules/normalize-identity"
import { normalizeCode } from "../../../rules/referral-code-format"
import { paymentFingerprints } from "../../../rules/referral-flags"
import { evaluateRedemption } from "../../../rules/referral-rules"
import { loadReferrerIdentity } from "../../redemption/utils/referrer-identity"

export const checkOrderRedemptionRulesStepId = "check-order-redemption-rules"

/** Why an order's referral cannot convert: a redemption rule it breaks, or the order was canceled first. */
export type OrderRedemptionRefusal = string | null

type OrderFacts = {
  id: string
  status: string
  created_at: string | Date
  email?: string | null
  customer_id?: string | null
  customer?: { email?: string | null; phone?: string | null } | null
  shipping_address?: (AddressLike & { phone?: string | null }) | null
  items?: ({ adjustments?: ({ code?: string | null } | null)[] | null } | null)[] | null
  shipping_methods?: ({ adjustments?: ({ code?: string | null } | null)[] | null } | null)[] | null
  payment_collections?: ({
    payments?: ({ data?: unknown } | null)[] | null
    payment_sessions?: ({ data?: unknown } | null)[] | null
  } | null)[] | null
}

/**
 * The redemption rules again, on the order about to convert, because not
 * every order passed the checkout hook (an admin's draft order, for one):
 * self-referral, the referrer's address or phone, one referral code per order,
 * and "new customers only" against orders placed before this one. The
 * program switch is the one in force when the order was placed (settings are
 * versioned), so an order placed while the program was off converts nothing,
 * as the checkout would have refused it, however late its conversion runs. An
 * order already canceled converts nothing. The code's status and the
 * referrer's cap are the conversion's own business (the cap is counted under
 * the code's lock). Answers the refusal reason or null; reads only, and
 * answers null for a referral no longer pending, so a redelivery decides nothing.
 */
export const checkOrderRedemptionRulesStep = createStep(
  checkOrderRedemptionRulesStepId,
  async (conversion: ConvertReferralInput, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const referral = await referrals.retrieveReferral(conversion.referral_id)
    if (referral.status !== "pending") {
      return new StepResponse(null as OrderRedemptionRefusal)
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const {
      data: [order],
    } = (await query.graph({
      entity: "order",
      fields: [
        "id",
        "status",
        "created_at",
        "email",
        "customer_id",
        "customer.email",
        "customer.phone",
        "shipping_address.*",
        "items.adjustments.code",
        "shipping_methods.adjustments.code",
        "payment_collections.payments.data",
        "payment_collections.payment_sessions.data",
      ],
      filters: { id: conversion.order_id },
    })) as unknown as { data: OrderFacts[] }
    if (!order || order.status === "canceled") {
      return new StepResponse("order_canceled" as OrderRedemptionRefusal)
    }

    const codes = [
      ...new Set(
        [...(order.items ?? []), ...(order.shipping_methods ?? [])]
          .flatMap((line) => line?.adjustments ?? [])
          .map((adjustment) => adjustment?.code)
          .filter((code): code is string => !!code)
          .map(normalizeCode)
      ),
    ]
    const [settings, [inForceAtPlacement]] = await Promise.all([
      referrals.retrieveProgramSettings(),
      referrals.listReferralPrograms(
        { created_at: { $lte: new Date(order.created_at) } },
        { select: ["enabled"], order: { version: "DESC" }, take: 1 }
      ),
    ])
    const emails = [order.email, order.customer?.email]
    const phones = [order.customer?.phone, order.shipping_address?.phone]
    const [codeRows, referrer, orderedBefore] = await Promise.all([
      referrals.listReferralCodes({ code: codes }, { select: ["id"] }),
      loadReferrerIdentity(container, referral.referrer_customer_id),
      settings.new_customers_only &&
        hasOrderedBefore(
          container,
          {
            customer_id: order.customer_id,
            emails,
            phones,
            address: order.shipping_address,
            payment_fingerprints: (order.payment_collections ?? []).flatMap((collection) =>
              [...(collection?.payments ?? []), ...(collection?.payment_sessions ?? [])].flatMap((payment) =>
                paymentFingerprints(payment?.data)
              )
            ),
          },
          { before_order_id: order.id }
        ),
    ])

    const verdict = evaluateRedemption({
      // Never saved before the order: the defaults were in force, and they have the program on.
      program: { ...settings, enabled: inForceAtPlacement?.enabled ?? true },
      code: { status: "active", customer_id: referral.referrer_customer_id },
      // The checkout hook refused a withdrawn offer or an unlisted currency; a placed order keeps the discount it was given.
      offer: { active: true, currency_offered: true },
      referral_codes_in_cart: codeRows.length,
      friend: {
        customer_id: order.customer_id,
        emails,
        phones,
        address: order.shipping_address,
        prior_orders: orderedBefore ? 1 : 0,
      },
      referrer: { ...referrer, conversions_in_window: 0 },
    })
    return new StepResponse((verdict.ok ? null : verdict.reason) as OrderRedemptionRefusal)
  }
)
