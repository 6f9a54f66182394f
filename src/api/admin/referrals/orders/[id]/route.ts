import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { offerResponse } from "../../../../utils/offer-response"
import { describeReferralFlags } from "../../../../../rules/describe-referral-flag"
import type { AdminOrderReferralResponse, StoredReferralFlag } from "../../../../../types"

const ARM_FIELDS = ["id", "name", "referee_type", "referee_value", "referee_currency_code", "referrer_type",
  "referrer_value", "referrer_currency_code", "is_default", "active"]

/**
 * The referral picture of one order for the admin's order page: the referral
 * it converted (with its rewards, the arm that made the offer and the
 * referrer), and the refused attempts on the cart it was placed from, so the
 * admin sees why a code did not count. `referral` is null for an order that
 * was not referred.
 */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminOrderReferralResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const orderId = req.params.id
  const {
    data: [order],
  } = await query.graph({ entity: "order", fields: ["id", "cart.id"], filters: { id: orderId } })
  if (!order) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id ${orderId} was not found`)
  }

  // "*" rather than a field list: it carries `flags` (fraud rules) whenever the column exists.
  const referralFields = ["*", "rewards.*"]
  const cartId = order.cart?.id
  const [{ data: referrals }, { data: cartReferrals }] = await Promise.all([
    query.graph({ entity: "referral", fields: referralFields, filters: { order_id: orderId } }),
    cartId
      ? query.graph({ entity: "referral", fields: referralFields, filters: { cart_id: cartId } })
      : Promise.resolve({ data: [] as Record<string, any>[] }),
  ])
  const described = <T extends { flags?: unknown }>(row: T) => ({
    ...row,
    flags: describeReferralFlags(row.flags as StoredReferralFlag[] | null),
  })
  const referral = referrals[0] ? described(referrals[0]) : null
  // A rejected referral that is the order's own is shown as `referral`, not repeated here.
  const attempts = cartReferrals.filter((row) => row.status === "rejected" && row.id !== referral?.id).map(described)

  if (!referral) {
    return res.json({ referral: null, attempts })
  }

  const [{ data: arms }, { data: customers }] = await Promise.all([
    query.graph({ entity: "incentive_arm", fields: ARM_FIELDS, filters: { id: referral.arm_id ?? [] } }),
    query.graph({
      entity: "customer",
      fields: ["id", "email", "first_name", "last_name"],
      filters: { id: referral.referrer_customer_id },
    }),
  ])
  const arm = arms[0] ?? null
  res.json({
    referral: {
      ...referral,
      arm: arm ? { ...arm, offer: offerResponse(arm) } : null,
      referrer: customers[0] ?? { id: referral.referrer_customer_id, email: null, first_name: null, last_name: null },
    },
    attempts,
  })
}
