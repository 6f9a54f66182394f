import { model } from "@medusajs/framework/utils"

/**
 * A customer's place in the referral network, as of the last computation:
 * direct converted referrals, everyone below them, how deep their tree goes,
 * how deep they sit in someone else's, their PageRank and whether they are a
 * super-connector. Recomputed as a whole (nightly or on demand).
 */
const CustomerNetwork = model
  .define(
    { tableName: "customer_network", name: "CustomerNetwork" },
    {
      id: model.id({ prefix: "refnet" }).primaryKey(),
      customer_id: model.text(),
      out_degree: model.number(),
      descendants: model.number(),
      generations: model.number(),
      depth: model.number(),
      pagerank: model.float(),
      super_connector: model.boolean().default(false),
      computed_at: model.dateTime(),
    }
  )
  .indexes([
    { name: "IDX_customer_network_customer_unique", on: ["customer_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_customer_network_pagerank", on: ["pagerank"] },
    { name: "IDX_customer_network_depth", on: ["depth"] },
  ])

export default CustomerNetwork
