/**
 * Shape metrics of each customer's place in the referral forest, in two
 * linear passes over the breadth-first order: depth flows down from the
 * roots, descendants and generations are memoised back up from the leaves.
 * No recursion, so a 100k-long referral chain cannot overflow the stack.
 */
import type { ReferralForest } from "./referral-forest"

export type TreeMetrics = {
  /** Direct converted referrals. */
  outDegree: Int32Array
  /** Every customer below, at any depth. */
  descendants: Int32Array
  /** Length of the longest chain below (0 for a customer who referred nobody). */
  generations: Int32Array
  /** Distance from the root of the customer's tree (0 for a customer nobody referred). */
  depth: Int32Array
}

export function treeMetrics(forest: ReferralForest): TreeMetrics {
  const { parent, childStart, order } = forest
  const n = parent.length
  const outDegree = new Int32Array(n)
  const descendants = new Int32Array(n)
  const generations = new Int32Array(n)
  const depth = new Int32Array(n)
  for (let i = 0; i < n; i++) outDegree[i] = childStart[i + 1] - childStart[i]

  // order lists each referrer before its friends.
  for (let k = 0; k < n; k++) {
    const node = order[k]
    const p = parent[node]
    if (p >= 0) depth[node] = depth[p] + 1
  }
  // Reversed, each friend is final before its referrer reads it.
  for (let k = n - 1; k >= 0; k--) {
    const node = order[k]
    const p = parent[node]
    if (p < 0) continue
    descendants[p] += descendants[node] + 1
    if (generations[node] + 1 > generations[p]) generations[p] = generations[node] + 1
  }
  return { outDegree, descendants, generations, depth }
}

/** How many customers sit at each depth, from 0 (nobody referred them) to the deepest; no gaps in a forest. */
export function depthDistribution(depth: Int32Array): { depth: number; customers: number }[] {
  const counts: number[] = []
  for (let i = 0; i < depth.length; i++) {
    const d = depth[i]
    while (counts.length <= d) counts.push(0)
    counts[d]++
  }
  return counts.map((customers, d) => ({ depth: d, customers }))
}
