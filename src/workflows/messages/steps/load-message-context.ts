import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { listTopPurchases } from "../../../analytics/customer-purchases"
import type { MessageContext, ShareChannel } from "../../../messages"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { refereeOffer, referrerOffer } from "../../../rules/offer"
import type { Recipient } from "../../../utils/recipient-key"
import { shareUrl } from "../../../utils/share-url"

export const loadMessageContextStepId = "load-share-message-context"

export type LoadMessageContextStepInput = {
  customer_id: string
  arm_id: string
  code: string
  channel: ShareChannel
  /** The order that made the moment, if one did. */
  order_id?: string | null
  recipient?: Recipient
}

/**
 * What a share message may be grounded in, from the store's own data: the
 * referrer's first name, what they buy most (products and categories), what
 * was in the triggering order, the actual offer in their currency, the code
 * and link. The last name, email and phone are passed only as terms the
 * guardrails must keep out of the message.
 */
export const loadMessageContextStep = createStep(
  loadMessageContextStepId,
  async (input: LoadMessageContextStepInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)

    const [customers, stores, arm, purchases, orderItems] = await Promise.all([
      query.graph({
        entity: "customer",
        fields: ["id", "first_name", "last_name", "email", "phone"],
        filters: { id: input.customer_id },
      }),
      query.graph({ entity: "store", fields: ["name"] }),
      referrals.retrieveIncentiveArm(input.arm_id),
      listTopPurchases(container, input.customer_id),
      input.order_id
        ? query.graph({ entity: "order", fields: ["currency_code", "items.product_title"], filters: { id: input.order_id } })
        : Promise.resolve({ data: [] as { currency_code?: string; items?: { product_title?: string | null }[] }[] }),
    ])
    const customer = customers.data[0]
    const order = orderItems.data[0]
    const currency = order?.currency_code ?? purchases.products[0]?.currency_code ?? "usd"
    const context: MessageContext = {
      first_name: customer?.first_name ?? null,
      store_name: stores.data[0]?.name ?? null,
      code: input.code,
      share_url: shareUrl(input.code, referrals.getOptions().share_url_template),
      currency_code: currency,
      offer: { referee: refereeOffer(arm), referrer: referrerOffer(arm) },
      top_products: purchases.products.map((row) => row.name),
      top_categories: purchases.categories.map((row) => row.name),
      order_items: (order?.items ?? []).map((item) => item?.product_title).filter((t): t is string => !!t),
      channel: input.channel,
      recipient: input.recipient ?? null,
      private_terms: [customer?.last_name, customer?.email, customer?.phone].filter((t): t is string => !!t),
    }
    return new StepResponse(context)
  }
)
