import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import {
  averageOrderValue,
  listTopPurchases,
  loadCustomerFeatures,
  MEDUSA_SCHEMA_DEPENDENCIES,
  ORDER_TOTAL_JSON_PATH,
} from "../../src/analytics"
import { FEATURE_NAMES } from "../../src/ml/propensity/features"
import { Shopper } from "../helpers/shopper"
import { seedStore, type SeededStore } from "../helpers/seed-store"
import { adminHeaders } from "../helpers/requests"

jest.setTimeout(180 * 1000)

/**
 * Pins what `src/analytics` reads of Medusa's own tables: every table and
 * column it lists exists in the migrated database, and one real order placed
 * through the store API (Medusa's cart and order workflows) has the values the
 * queries read where they read them. A Medusa upgrade that moves any of them
 * fails here, not on the dashboard.
 */
medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let store: SeededStore

    beforeAll(async () => {
      store = await seedStore(getContainer())
    })

    it("finds every Medusa table and column the analytics queries read", async () => {
      const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { rows } = await knex.raw(
        `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = ANY(:tables)`,
        { tables: Object.keys(MEDUSA_SCHEMA_DEPENDENCIES) }
      )
      const present = new Set(rows.map((row: { table_name: string; column_name: string }) => `${row.table_name}.${row.column_name}`))
      const missing = Object.entries(MEDUSA_SCHEMA_DEPENDENCIES)
        .flatMap(([table, columns]) => columns.map((column) => `${table}.${column}`))
        .filter((column) => !present.has(column))
      expect(missing).toEqual([])
    })

    it("reads a real order's customer, total, items and categories where Medusa writes them", async () => {
      const container = getContainer()
      const knex = container.resolve(ContainerRegistrationKeys.PG_CONNECTION)
      const { data: products } = await api.get(`/admin/products?fields=id,title`, adminHeaders(store))
      const [product] = products.products
      const { data: created } = await api.post(`/admin/product-categories`, { name: "Mugs", is_active: true }, adminHeaders(store))
      await api.post(
        `/admin/product-categories/${created.product_category.id}/products`,
        { add: [product.id] },
        adminHeaders(store)
      )

      const anna = await new Shopper(api, store, "anna@example.com").register("Anna")
      const order = await anna.checkoutWith(null)

      const [row] = await knex("order").where({ id: order.id })
      expect(row).toMatchObject({ customer_id: anna.customer_id, currency_code: "usd", is_draft_order: false })
      expect(row.status).not.toBe("canceled")
      expect(row.deleted_at).toBeNull()

      const [summary] = await knex("order_summary")
        .where({ order_id: order.id })
        .whereNull("deleted_at")
        .orderBy("version", "desc")
        .limit(1)
      expect(Number(summary.totals[ORDER_TOTAL_JSON_PATH[0]][ORDER_TOTAL_JSON_PATH[1]])).toBe(100)
      const {
        rows: [viaSql],
      } = await knex.raw(
        `SELECT (os.totals -> 'raw_current_order_total' ->> 'value')::numeric AS total
         FROM order_summary os WHERE os.order_id = :id AND os.deleted_at IS NULL ORDER BY os.version DESC LIMIT 1`,
        { id: order.id }
      )
      expect(Number(viaSql.total)).toBe(100)

      const items = await knex("order_item as oi")
        .join("order_line_item as li", "li.id", "oi.item_id")
        .join("product_category_product as pcp", "pcp.product_id", "li.product_id")
        .join("product_category as pc", "pc.id", "pcp.product_category_id")
        .where("oi.order_id", order.id)
        .whereNull("oi.deleted_at")
        .select("li.product_id", "li.product_title", "pc.name")
      expect(items).toEqual([{ product_id: product.id, product_title: product.title, name: "Mugs" }])

      // And the analytics functions themselves read that order back.
      expect(await averageOrderValue(container, "usd")).toBe(100)
      expect(await listTopPurchases(container, anna.customer_id!)).toMatchObject({
        products: [{ name: product.title, currency_code: "usd" }],
        categories: [{ name: "Mugs" }],
      })
      const [features] = await loadCustomerFeatures(container, {
        as_of: new Date(Date.now() + 60_000),
        customer_ids: [anna.customer_id!],
      })
      const feature = (name: string) => features.vector[FEATURE_NAMES.indexOf(name as (typeof FEATURE_NAMES)[number])]
      expect(feature("order_count")).toBe(1)
      expect(feature("total_spent")).toBe(100)
      expect(feature("distinct_categories")).toBe(1)

      const { data } = await api.get(`/admin/referrals/metrics`, adminHeaders(store))
      expect(data.metrics.groups[0].rates.referral_rate_active).toBe(0) // one active customer, no sharer
    })
  },
})
