import { generateEntityId } from "@medusajs/framework/utils"
import type { NetworkNode } from "../../../ml/graph"
import type { Knex } from "./transaction"

/** Rows per insert when replacing the network: large enough to be fast, small enough for PostgreSQL's parameter limit. */
const NETWORK_BATCH = 2000

/** Deletes the stored network and inserts `rows` in batches; run inside one transaction. */
export async function replaceNetworkRows(knex: Knex, rows: NetworkNode[], computedAt: Date): Promise<number> {
  await knex("customer_network").delete()
  const now = new Date()
  for (let i = 0; i < rows.length; i += NETWORK_BATCH) {
    await knex("customer_network").insert(
      rows.slice(i, i + NETWORK_BATCH).map((row) => ({
        ...row,
        id: generateEntityId(undefined, "refnet"),
        computed_at: computedAt,
        created_at: now,
        updated_at: now,
      }))
    )
  }
  return rows.length
}
