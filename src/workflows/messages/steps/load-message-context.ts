import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { MessageContext, ShareChannel } from "../../../messages"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { type ArmLike, refereeOffer, referrerOffer } from "../../../utils/offer"
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
    const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)

    const [customers, stores, arm, products, categories, orderItems] = await Promise.all([
      query.graph({
        entity: "customer",
        fields: ["id", "first_name", "last_name", "email", "phone"],
        filters: { id: input.customer_id },
      }),
      query.graph({ entity: "store", fields: ["name"] }),
      referrals.retrieveIncentiveArm(input.arm_id),
      knex.raw(
        `SELECT li.product_title AS name, o.currency_code, COUNT(*) AS n
         FROM "order" o
         JOIN order_item oi ON oi.order_id = o.id AND oi.deleted_at IS NULL
         JOIN order_line_item li ON li.id = oi.item_id
         WHERE o.customer_id = :customer_id AND o.deleted_at IS NULL AND o.status <> 'canceled'
         GROUP BY li.product_title, o.currency_code ORDER BY n DESC LIMIT 3`,
        { customer_id: input.customer_id }
      ),
      knex.raw(
        `SELECT pc.name, COUNT(*) AS n
         FROM "order" o
         JOIN order_item oi ON oi.order_id = o.id AND oi.deleted_at IS NULL
         JOIN order_line_item li ON li.id = oi.item_id
         JOIN product_category_product pcp ON pcp.product_id = li.product_id
         JOIN product_category pc ON pc.id = pcp.product_category_id AND pc.deleted_at IS NULL
         WHERE o.customer_id = :customer_id AND o.deleted_at IS NULL AND o.status <> 'canceled'
         GROUP BY pc.name ORDER BY n DESC LIMIT 3`,
        { customer_id: input.customer_id }
      ),
      input.order_id
        ? query.graph({ entity: "order", fields: ["currency_code", "items.product_title"], filters: { id: input.order_id } })
        : Promise.resolve({ data: [] as { currency_code?: string; items?: { product_title?: string | null }[] }[] }),
    ])
    const customer = customers.data[0]
    const order = orderItems.data[0]
    const currency = order?.currency_code ?? products.rows[0]?.currency_code ?? "usd"
    const context: MessageContext = {
      first_name: customer?.first_name ?? null,
      store_name: stores.data[0]?.name ?? null,
      code: input.code,
      share_url: shareUrl(input.code, referrals.getOptions().share_url_template),
      currency_code: currency,
      offer: { referee: refereeOffer(arm as unknown as ArmLike), referrer: referrerOffer(arm as unknown as ArmLike) },
      top_products: products.rows.map((row: { name: string }) => row.name),
      top_categories: categories.rows.map((row: { name: string }) => row.name),
      order_items: (order?.items ?? []).map((item) => item?.product_title).filter((t): t is string => !!t),
      channel: input.channel,
      recipient: input.recipient ?? null,
      private_terms: [customer?.last_name, customer?.email, customer?.phone].filter((t): t is string => !!t),
    }
    return new StepResponse(context)
  }
)
