/**
 * The referral network as a graphology graph, for callers who want
 * graphology's own algorithms (layouts, metrics, export) on top of ours.
 */
import { DirectedGraph } from "graphology"
import type { Attributes } from "graphology-types"
import { referralForest, type IgnoredReferralEdges, type ReferralEdge, type ReferralForest } from "./referral-forest"

/** Graph-level attributes set by buildReferralGraph. */
export type ReferralGraphAttributes = {
  /** Edges left out of the graph, by reason (see IgnoredReferralEdges). */
  ignored: IgnoredReferralEdges
}

export type ReferralGraph = DirectedGraph<Attributes, Attributes, ReferralGraphAttributes>

/**
 * A directed graph with one node per customer (keyed by customer id) and one
 * edge referrer → friend per converted referral. Node and edge order follow
 * the first appearance of each customer in `edges`.
 *
 * The graph is the cleaned referral forest (see referralForest): no
 * self-loops, no parallel edges, at most one referrer per friend (the first
 * listed) and no cycles. The counts of what was dropped are on the graph's
 * `ignored` attribute, e.g. `graph.getAttribute("ignored").cycles`.
 */
export function buildReferralGraph(edges: readonly ReferralEdge[]): ReferralGraph {
  const forest = referralForest(edges, "buildReferralGraph")
  const graph = forestToGraph(forest, false)
  graph.setAttribute("ignored", { ...forest.ignored })
  return graph
}

/**
 * A forest as a graphology graph; `reversed` points every edge friend →
 * referrer instead (what PageRank needs to credit referrers).
 */
export function forestToGraph(forest: ReferralForest, reversed: boolean): ReferralGraph {
  const graph: ReferralGraph = new DirectedGraph({ allowSelfLoops: false, multi: false })
  const { ids, parent } = forest
  for (let i = 0; i < ids.length; i++) graph.addNode(ids[i])
  for (let i = 0; i < ids.length; i++) {
    const p = parent[i]
    if (p < 0) continue
    if (reversed) graph.addDirectedEdge(ids[i], ids[p])
    else graph.addDirectedEdge(ids[p], ids[i])
  }
  return graph
}
