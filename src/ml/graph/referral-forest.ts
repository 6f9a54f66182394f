/**
 * The referral forest: every customer has at most one referrer, so converted
 * referrals form a set of trees rooted at customers nobody referred. Raw edge
 * lists can still hold self-referrals, repeats, a second referrer for the same
 * friend or a loop (A → B → A); those are counted and dropped here, once, so
 * every later pass can walk plain trees without cycle checks in its hot loop.
 *
 * Stored as flat typed arrays (parent pointers plus a children CSR) because
 * the analyses walk 100k+ customers and object-per-node graphs are slow.
 */

/** One converted referral: `referrer` brought in `friend`. */
export type ReferralEdge = { referrer: string; friend: string }

/** Edges left out of the forest, by reason. */
export type IgnoredReferralEdges = {
  /** A customer listed as their own referrer. */
  self_loops: number
  /** The same referrer → friend pair seen again. */
  duplicates: number
  /** A friend already attributed to an earlier referrer in the list (first referrer wins). */
  extra_referrers: number
  /** An edge that would close a loop, i.e. the friend is already an ancestor of the referrer. */
  cycles: number
}

export type ReferralForest = {
  /** Customer ids in order of first appearance in the edge list; a customer's index is its position here. */
  ids: string[]
  indexOf: Map<string, number>
  /** Index of each customer's referrer, or -1 for a root (nobody referred them). */
  parent: Int32Array
  /** Children of customer i are children[childStart[i] .. childStart[i + 1]), in order of first appearance. */
  childStart: Int32Array
  children: Int32Array
  /** Every customer once, each after its referrer (breadth-first from the roots). */
  order: Int32Array
  /** Referrals kept in the forest. */
  edges: number
  ignored: IgnoredReferralEdges
}

function checkId(owner: string, value: unknown, at: number, field: string): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new RangeError(`${owner}: edges[${at}].${field} must be a non-empty string, got ${String(value)}`)
  }
  return value
}

/**
 * Builds the forest from edges in the given order. The first referrer listed
 * for a friend wins, so pass edges oldest first to get first-touch
 * attribution. Every customer named in any edge is a node, even if all of
 * their edges were dropped, so no customer silently disappears.
 */
export function referralForest(edges: readonly ReferralEdge[], owner = "referralForest"): ReferralForest {
  if (!Array.isArray(edges)) throw new RangeError(`${owner}: edges must be an array`)
  const ids: string[] = []
  const indexOf = new Map<string, number>()
  const parentList: number[] = []
  // Union-find over the trees: a new edge r → f (f still a root) closes a loop
  // exactly when r already sits in f's tree. Near-constant time per edge,
  // where walking up parent pointers would be quadratic on long chains.
  const set: number[] = []
  const ignored: IgnoredReferralEdges = { self_loops: 0, duplicates: 0, extra_referrers: 0, cycles: 0 }
  let kept = 0

  const intern = (id: string): number => {
    let i = indexOf.get(id)
    if (i === undefined) {
      i = ids.length
      ids.push(id)
      indexOf.set(id, i)
      parentList.push(-1)
      set.push(i)
    }
    return i
  }
  const find = (i: number): number => {
    let root = i
    while (set[root] !== root) root = set[root]
    while (set[i] !== root) {
      const next = set[i]
      set[i] = root
      i = next
    }
    return root
  }

  for (let e = 0; e < edges.length; e++) {
    const edge = edges[e]
    if (edge == null || typeof edge !== "object") throw new RangeError(`${owner}: edges[${e}] must be an object`)
    const r = intern(checkId(owner, edge.referrer, e, "referrer"))
    const f = intern(checkId(owner, edge.friend, e, "friend"))
    if (r === f) ignored.self_loops++
    else if (parentList[f] === r) ignored.duplicates++
    else if (parentList[f] !== -1) ignored.extra_referrers++
    else {
      const setOfR = find(r)
      const setOfF = find(f)
      if (setOfR === setOfF) ignored.cycles++
      else {
        parentList[f] = r
        set[setOfF] = setOfR
        kept++
      }
    }
  }

  const n = ids.length
  const parent = Int32Array.from(parentList)
  const childStart = new Int32Array(n + 1)
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childStart[parent[i] + 1]++
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i]
  const children = new Int32Array(kept)
  const fill = childStart.slice(0, n)
  for (let i = 0; i < n; i++) if (parent[i] >= 0) children[fill[parent[i]]++] = i

  const order = new Int32Array(n)
  let tail = 0
  for (let i = 0; i < n; i++) if (parent[i] < 0) order[tail++] = i
  for (let head = 0; head < tail; head++) {
    const node = order[head]
    for (let c = childStart[node]; c < childStart[node + 1]; c++) order[tail++] = children[c]
  }
  // Unreachable by construction (loops are dropped above); a guard so a future
  // change cannot silently leave customers out of every analysis.
  if (tail !== n) throw new Error(`${owner}: internal error, ${n - tail} customers are not reachable from a root`)

  return { ids, indexOf, parent, childStart, children, order, edges: kept, ignored }
}
