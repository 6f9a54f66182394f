/**
 * The only SQL in the plugin that reads Medusa's own tables. Everything here is
 * cross-module by nature (the plugin's referrals joined with the store's
 * orders), so it reads through the app's database connection
 * (`ContainerRegistrationKeys.PG_CONNECTION`), set-based and parameterised.
 * SQL on the plugin's own tables lives in `src/modules/referral/queries/`.
 *
 * It depends on these Medusa tables, columns and JSON paths (Medusa 2.21).
 * `integration-tests/http/analytics-schema.spec.ts` pins every one of them
 * (`MEDUSA_SCHEMA_DEPENDENCIES` below), so a Medusa upgrade that moves one
 * fails that test rather than the dashboard:
 *
 * | table                      | columns read                                                      | used by |
 * |----------------------------|-------------------------------------------------------------------|---------|
 * | `order`                    | id, customer_id, currency_code, status, is_draft_order, created_at, deleted_at; display_id (latest orders first) | loop metrics, customer features, store economics, top purchases |
 * | `order_summary`            | order_id, version, totals, deleted_at                              | loop metrics, customer features, store economics |
 * | `order_summary.totals`     | JSON path `totals -> 'raw_current_order_total' ->> 'value'` (the order's current total, a numeric string) | same |
 * | `order_item`               | order_id, item_id, deleted_at                                      | customer features, top purchases |
 * | `order_line_item`          | id, product_id, product_title                                      | customer features, top purchases |
 * | `product_category_product` | product_id, product_category_id                                   | customer features, top purchases |
 * | `product_category`         | id, name, deleted_at                                               | top purchases |
 * | `return`                   | order_id, created_at, canceled_at, deleted_at                      | customer features |
 * | `customer`                 | id, created_at, has_account, phone, deleted_at                     | customer features, prior orders |
 * | `order` (prior orders)     | email, shipping_address_id                                         | prior orders |
 * | `order_address`            | id, address_1, postal_code, country_code, phone                    | prior orders |
 * | `order_payment_collection` | order_id, payment_collection_id, deleted_at                        | prior orders |
 * | `payment`, `payment_session` | payment_collection_id, data, deleted_at (card fingerprint JSON paths in `prior-orders.ts`) | prior orders |
 *
 * Order statuses compared: `status <> 'canceled'`.
 *
 * Files: `loop-metrics.ts` (the admin's funnel, rates and economics; its SQL in
 * `loop-metrics-sql.ts`), `customer-features.ts` (the propensity model's
 * features), `store-economics.ts` (average order value per currency for offer costs, spend per currency for value tiers),
 * `customer-purchases.ts` (what one customer buys most, for share messages),
 * `prior-orders.ts` (whether a buyer has ordered before, for "new customers only").
 */
export { loadCustomerFeatures, type CustomerFeatureRow, type CustomerFeaturesQuery } from "./customer-features"
export { listTopPurchases } from "./customer-purchases"
export { hasOrderedBefore, type BuyerIdentity } from "./prior-orders"
export * from "./loop-metrics"
export * from "./loop-metrics-sql"
export { averageOrderValue, averageOrderValues, customerSpendIn } from "./store-economics"

/** Every Medusa table and column the queries above read; the schema test asserts each exists. */
export const MEDUSA_SCHEMA_DEPENDENCIES: Readonly<Record<string, readonly string[]>> = {
  order: ["id", "customer_id", "email", "shipping_address_id", "currency_code", "status", "is_draft_order", "created_at", "deleted_at", "display_id"],
  order_summary: ["order_id", "version", "totals", "deleted_at"],
  order_item: ["order_id", "item_id", "deleted_at"],
  order_line_item: ["id", "product_id", "product_title"],
  product_category_product: ["product_id", "product_category_id"],
  product_category: ["id", "name", "deleted_at"],
  return: ["order_id", "created_at", "canceled_at", "deleted_at"],
  customer: ["id", "created_at", "has_account", "phone", "deleted_at"],
  order_address: ["id", "address_1", "postal_code", "country_code", "phone"],
  order_payment_collection: ["order_id", "payment_collection_id", "deleted_at"],
  payment: ["payment_collection_id", "data", "deleted_at"],
  payment_session: ["payment_collection_id", "data", "deleted_at"],
}

/** The JSON path into `order_summary.totals` that every order total is read from. */
export const ORDER_TOTAL_JSON_PATH = ["raw_current_order_total", "value"] as const
