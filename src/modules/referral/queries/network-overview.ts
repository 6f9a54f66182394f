import { CONVERTED_REFERRAL_STATUSES } from "../../../types/referral/constants"
import type { NetworkConnector, ReferralNetworkOverview } from "../../../types/http/network"
import type { Knex } from "../lib/transaction"

/**
 * The network at a glance, from the stored computation and the referrals:
 * the top customers by PageRank (super-connectors first), how deep trees go,
 * and friends of friends (A referred B, who referred C).
 */
export async function retrieveNetworkOverview(knex: Knex, limit: number): Promise<ReferralNetworkOverview> {
  const converted = [...CONVERTED_REFERRAL_STATUSES]
  const [top, depths, [totals], secondGeneration] = await Promise.all([
    knex("customer_network")
      .select("customer_id", "out_degree", "descendants", "generations", "depth", "pagerank", "super_connector")
      .whereNull("deleted_at")
      .where("out_degree", ">", 0)
      .orderBy([{ column: "super_connector", order: "desc" }, { column: "pagerank", order: "desc" }])
      .limit(limit),
    knex("customer_network")
      .select("depth")
      .count("id as customers")
      .whereNull("deleted_at")
      .groupBy("depth")
      .orderBy("depth"),
    knex("customer_network")
      .count("id as customers")
      .sum({ super_connectors: knex.raw("CASE WHEN super_connector THEN 1 ELSE 0 END") })
      .max("computed_at as computed_at")
      .whereNull("deleted_at"),
    knex("referral as first")
      .join("referral as second", "second.referrer_customer_id", "first.referee_customer_id")
      .select("first.referrer_customer_id as referrer", "first.referee_customer_id as via", "second.referee_customer_id as friend")
      .whereIn("first.status", converted)
      .whereIn("second.status", converted)
      .whereNotNull("second.referee_customer_id")
      .whereNull("first.deleted_at")
      .whereNull("second.deleted_at")
      .orderBy("second.converted_at", "desc")
      .limit(limit * 10),
  ])
  return {
    computed_at: totals?.computed_at ?? null,
    customers: Number(totals?.customers ?? 0),
    super_connector_count: Number(totals?.super_connectors ?? 0),
    top_connectors: top.map((row: NetworkConnector) => ({ ...row, pagerank: Number(row.pagerank) })),
    depth_distribution: depths.map((row: Record<string, unknown>) => ({
      depth: Number(row.depth),
      customers: Number(row.customers),
    })),
    second_generation: secondGeneration,
  }
}
