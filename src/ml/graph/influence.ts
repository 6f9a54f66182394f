/**
 * Referral influence as PageRank on the REVERSED referral forest (friend →
 * referrer).
 *
 * Why reversed: PageRank credits the node an edge points to. On the natural
 * referrer → friend direction it would reward being referred, so the leaves
 * would win. Pointing each friend at their referrer makes every customer pass
 * their score up to whoever brought them in, so a customer's rank grows with
 * their whole tree below, each generation damped by alpha: someone who
 * brought people who brought people outranks someone with the same number of
 * direct referrals who stopped there. Roots have no out-edge in the reversed
 * graph; as dangling nodes their mass is spread evenly, as usual.
 */
import pagerank from "graphology-metrics/centrality/pagerank"
import type { ReferralForest } from "./referral-forest"
import { forestToGraph } from "./referral-graph"

export type InfluenceOptions = {
  /** Damping factor: the share of score passed up to the referrer at each step. */
  alpha: number
  /** Power iterations before giving up. */
  maxIterations: number
  /** Convergence threshold on the mean absolute change per customer. */
  tolerance: number
}

/** PageRank per customer, indexed like forest.ids; sums to 1 over all customers. */
export function referralInfluence(forest: ReferralForest, options: InfluenceOptions, owner: string): Float64Array {
  const n = forest.ids.length
  const scores = new Float64Array(n)
  // graphology's PageRank never converges on an empty graph (0 < 0 is false).
  if (n === 0) return scores
  const reversed = forestToGraph(forest, true)
  let ranks: Record<string, number>
  try {
    ranks = pagerank(reversed, {
      getEdgeWeight: null,
      alpha: options.alpha,
      maxIterations: options.maxIterations,
      tolerance: options.tolerance,
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`${owner}: PageRank did not converge within maxIterations=${options.maxIterations} (${reason})`)
  }
  for (let i = 0; i < n; i++) scores[i] = ranks[forest.ids[i]]
  return scores
}
