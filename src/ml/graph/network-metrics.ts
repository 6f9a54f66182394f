/**
 * One pass over the referral network: who referred how many, how far their
 * referrals spread, who is most influential and who is a super-connector.
 */
import { checkInteger, checkNumber, mergeOptions } from "../options"
import { referralInfluence } from "./influence"
import { referralForest, type IgnoredReferralEdges, type ReferralEdge } from "./referral-forest"
import { secondGeneration, type SecondGenerationReferral } from "./second-generation"
import { superConnectors } from "./super-connectors"
import { depthDistribution, treeMetrics } from "./tree-metrics"

export const NETWORK_METRICS_DEFAULTS = {
  /** Super-connectors are in this influence percentile among customers with referrals: 0.95 is the top 5%. In [0, 1). */
  superConnectorPercentile: 0.95,
  /** ...and made at least this many direct referrals themselves. */
  superConnectorMinReferrals: 3,
  /** PageRank damping: the share of a friend's influence credited to their referrer. In (0, 1). */
  pagerankAlpha: 0.85,
  /** PageRank power iterations before giving up with an Error; chains of referrals converge in far fewer. */
  maxIterations: 100,
  /** PageRank convergence threshold (mean absolute change per customer). */
  pagerankTolerance: 1e-6,
  /** Most second-generation referrals returned (0 for none); second_generation_total has the full count. */
  secondGenerationLimit: 1000,
}

export type NetworkMetricsOptions = typeof NETWORK_METRICS_DEFAULTS

export type NetworkNode = {
  customer_id: string
  /** Direct converted referrals. */
  out_degree: number
  /** Customers reachable below: friends, their friends, and so on. */
  descendants: number
  /** Depth of the deepest chain below; 0 for a customer who referred nobody. */
  generations: number
  /** Distance from the root of the customer's tree; 0 for a customer nobody referred. */
  depth: number
  /** Influence: PageRank on the friend → referrer graph, summing to 1 over all customers. */
  pagerank: number
  super_connector: boolean
}

export type ReferralNetwork = {
  /** Every customer named in the edges, most influential first (ties by customer id). */
  nodes: NetworkNode[]
  /** Customers per depth, from 0 up to the deepest. */
  depth_distribution: { depth: number; customers: number }[]
  /** Friends of friends, sorted by referrer, via, friend; at most secondGenerationLimit of them. */
  second_generation: SecondGenerationReferral[]
  /** Second-generation referrals before the limit. */
  second_generation_total: number
  /** Edges left out of the analysis (self-referrals, repeats, second referrers, loops). */
  ignored: IgnoredReferralEdges
}

const OWNER = "analyseReferralNetwork"

function checkOptions(opts: NetworkMetricsOptions): void {
  checkNumber(OWNER, "superConnectorPercentile", opts.superConnectorPercentile, 0, 1, { maxExclusive: true })
  checkInteger(OWNER, "superConnectorMinReferrals", opts.superConnectorMinReferrals, 1)
  checkNumber(OWNER, "pagerankAlpha", opts.pagerankAlpha, 0, 1, { minExclusive: true, maxExclusive: true })
  checkInteger(OWNER, "maxIterations", opts.maxIterations, 1)
  checkNumber(OWNER, "pagerankTolerance", opts.pagerankTolerance, 0, 1, { minExclusive: true })
  checkInteger(OWNER, "secondGenerationLimit", opts.secondGenerationLimit, 0)
}

/**
 * Analyses converted referrals given as referrer → friend edges, oldest first
 * (the first referrer listed for a friend is the one credited). Self-loops,
 * repeats, second referrers and loop-closing edges are ignored and counted.
 */
export function analyseReferralNetwork(
  edges: readonly ReferralEdge[],
  options?: Partial<NetworkMetricsOptions>
): ReferralNetwork {
  const opts = mergeOptions(NETWORK_METRICS_DEFAULTS, options, OWNER)
  checkOptions(opts)

  const forest = referralForest(edges, OWNER)
  const tree = treeMetrics(forest)
  const influence = referralInfluence(
    forest,
    { alpha: opts.pagerankAlpha, maxIterations: opts.maxIterations, tolerance: opts.pagerankTolerance },
    OWNER
  )
  const flags = superConnectors(influence, tree.outDegree, {
    percentile: opts.superConnectorPercentile,
    minReferrals: opts.superConnectorMinReferrals,
  })

  const { ids } = forest
  const nodes: NetworkNode[] = new Array(ids.length)
  for (let i = 0; i < ids.length; i++) {
    nodes[i] = {
      customer_id: ids[i],
      out_degree: tree.outDegree[i],
      descendants: tree.descendants[i],
      generations: tree.generations[i],
      depth: tree.depth[i],
      pagerank: influence[i],
      super_connector: flags[i] === 1,
    }
  }
  nodes.sort(
    (a, b) => b.pagerank - a.pagerank || (a.customer_id < b.customer_id ? -1 : a.customer_id > b.customer_id ? 1 : 0)
  )

  const second = secondGeneration(forest, opts.secondGenerationLimit)
  return {
    nodes,
    depth_distribution: depthDistribution(tree.depth),
    second_generation: second.referrals,
    second_generation_total: second.total,
    ignored: { ...forest.ignored },
  }
}
