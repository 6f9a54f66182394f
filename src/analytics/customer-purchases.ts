import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"

/**
 * What one customer buys most, for grounding a share message: the three most
 * ordered product titles (with the order's currency) and the three most
 * ordered categories, over the customer's non-canceled orders. Grouped counts
 * with a limit, which `query.graph` cannot express without loading every order.
 */
export async function listTopPurchases(
  container: MedusaContainer,
  customerId: string
): Promise<{ products: { name: string; currency_code: string }[]; categories: { name: string }[] }> {
  const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
  const [products, categories] = await Promise.all([
    knex.raw(
      `SELECT li.product_title AS name, o.currency_code, COUNT(*) AS n
       FROM "order" o
       JOIN order_item oi ON oi.order_id = o.id AND oi.deleted_at IS NULL
       JOIN order_line_item li ON li.id = oi.item_id
       WHERE o.customer_id = :customer_id AND o.deleted_at IS NULL AND o.status <> 'canceled'
       GROUP BY li.product_title, o.currency_code ORDER BY n DESC LIMIT 3`,
      { customer_id: customerId }
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
      { customer_id: customerId }
    ),
  ])
  return { products: products.rows, categories: categories.rows }
}
