import type { z } from "@medusajs/framework/zod"
import type { AdminGetNetworkParams } from "../../api/admin/referrals/network/validators"
import type { SecondGenerationReferral } from "../../ml/graph/second-generation"
import type { CustomerNetworkDTO } from "../referral"
import type { ComputeRunOf } from "./compute-runs"

/** A customer's row in the network, as last computed. */
export type NetworkConnector = Pick<
  CustomerNetworkDTO,
  "customer_id" | "out_degree" | "descendants" | "generations" | "depth" | "pagerank" | "super_connector"
>

export type ReferralNetworkOverview = {
  /** Null before the first computation. */
  computed_at: Date | null
  customers: number
  super_connector_count: number
  top_connectors: NetworkConnector[]
  depth_distribution: { depth: number; customers: number }[]
  /** Friends of friends: `referrer` brought `via`, who brought `friend`. */
  second_generation: SecondGenerationReferral[]
}

/** GET /admin/referrals/network */
export type AdminReferralNetworkParams = z.input<typeof AdminGetNetworkParams>
export type AdminReferralNetworkResponse = { network: ReferralNetworkOverview }

export type NetworkComputation = {
  customers: number
  referrals: number
  super_connectors: string[]
  computed_at: Date
  compute_ms: number
}

/** POST /admin/referrals/network/compute (202, queued) and GET /admin/referrals/network/compute/:id (poll until done or failed). */
export type AdminComputeReferralNetworkResponse = { run: ComputeRunOf<NetworkComputation> }
