/**
 * One customer's referral tree as nested objects, for display: who they
 * brought in, who those friends brought in, down to a depth limit.
 */
import { checkInteger } from "../options"
import { referralForest, type ReferralEdge } from "./referral-forest"

export type ReferralTreeNode = {
  customer_id: string
  children: ReferralTreeNode[]
  /** Set on a customer at the depth limit who did refer others: their children were cut off. */
  truncated?: boolean
}

const OWNER = "referralTree"

/**
 * The tree below `rootId`, `depthLimit` levels deep (1 = direct referrals
 * only). Children are in order of first appearance in `edges`. A customer
 * not named in any edge is returned as a lone leaf. Edges are cleaned as in
 * referralForest, so loops cannot recur; built breadth-first, so deep trees
 * cannot overflow the stack.
 */
export function referralTree(edges: readonly ReferralEdge[], rootId: string, depthLimit: number): ReferralTreeNode {
  checkInteger(OWNER, "depthLimit", depthLimit, 1)
  if (typeof rootId !== "string" || rootId.length === 0) {
    throw new RangeError(`${OWNER}: rootId must be a non-empty string, got ${String(rootId)}`)
  }
  const forest = referralForest(edges, OWNER)
  const root: ReferralTreeNode = { customer_id: rootId, children: [] }
  const rootIndex = forest.indexOf.get(rootId)
  if (rootIndex === undefined) return root

  const { ids, childStart, children } = forest
  const queue: { index: number; node: ReferralTreeNode; depth: number }[] = [{ index: rootIndex, node: root, depth: 0 }]
  for (let head = 0; head < queue.length; head++) {
    const { index, node, depth } = queue[head]
    const first = childStart[index]
    const end = childStart[index + 1]
    if (first === end) continue
    if (depth === depthLimit) {
      node.truncated = true
      continue
    }
    for (let c = first; c < end; c++) {
      const child: ReferralTreeNode = { customer_id: ids[children[c]], children: [] }
      node.children.push(child)
      queue.push({ index: children[c], node: child, depth: depth + 1 })
    }
  }
  return root
}
