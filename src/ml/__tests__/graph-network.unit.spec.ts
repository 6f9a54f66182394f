import { NETWORK_METRICS_DEFAULTS, analyseReferralNetwork, type NetworkNode, type ReferralEdge } from "../graph"
import { mulberry32, shuffleInPlace } from "../random"

const edge = (referrer: string, friend: string): ReferralEdge => ({ referrer, friend })
const byId = (nodes: NetworkNode[]) => new Map(nodes.map((n) => [n.customer_id, n]))
const shape = (n: NetworkNode | undefined) =>
  n && { out_degree: n.out_degree, descendants: n.descendants, generations: n.generations, depth: n.depth }

/**
 * 200 customers in small trees where nobody refers more than 2 (those
 * who neither refer nor were referred have no edge), plus a planted hub with 12 direct referrals, 4 of whom referred 6 more.
 */
function plantedNetwork(seed: number): ReferralEdge[] {
  const rand = mulberry32(seed)
  const edges: ReferralEdge[] = []
  for (let f = 1; f <= 12; f++) edges.push(edge("hub", `hub-friend-${f}`))
  for (const [f, count] of [[1, 2], [2, 1], [3, 1], [4, 2]]) {
    for (let g = 1; g <= count; g++) edges.push(edge(`hub-friend-${f}`, `hub-friend-${f}-${g}`))
  }
  let customers = 1 + 12 + 6
  while (customers < 200) {
    const queue = [`c${customers++}`]
    for (let head = 0; head < queue.length && customers < 200; head++) {
      const u = rand()
      const referrals = u < 0.55 ? 0 : u < 0.85 ? 1 : 2 // subcritical: trees stay small
      for (let k = 0; k < referrals && customers < 200; k++) {
        const friend = `c${customers++}`
        edges.push(edge(queue[head], friend))
        queue.push(friend)
      }
    }
  }
  return shuffleInPlace(edges, rand)
}

describe("analyseReferralNetwork: planted super-connector", () => {
  const edges = plantedNetwork(2024)
  const result = analyseReferralNetwork(edges)

  it("covers every customer named in an edge, with PageRank summing to 1", () => {
    const named = new Set(edges.flatMap((e) => [e.referrer, e.friend]))
    expect(named.size).toBeGreaterThan(120) // the rest of the 200 neither referred nor were referred
    expect(result.nodes.map((n) => n.customer_id).sort()).toEqual([...named].sort())
    const total = result.nodes.reduce((sum, n) => sum + n.pagerank, 0)
    expect(total).toBeCloseTo(1, 6)
    expect(Math.max(...result.nodes.filter((n) => n.customer_id !== "hub").map((n) => n.out_degree))).toBe(2)
  })

  it("ranks the hub first and flags it as the only super-connector", () => {
    expect(result.nodes[0].customer_id).toBe("hub")
    expect(result.nodes[0].pagerank).toBeGreaterThan(result.nodes[1].pagerank * 1.5)
    expect(result.nodes.filter((n) => n.super_connector).map((n) => n.customer_id)).toEqual(["hub"])
    expect(shape(result.nodes[0])).toEqual({ out_degree: 12, descendants: 18, generations: 2, depth: 0 })
  })

  it("sorts nodes by PageRank, highest first", () => {
    for (let i = 1; i < result.nodes.length; i++) {
      expect(result.nodes[i - 1].pagerank).toBeGreaterThanOrEqual(result.nodes[i].pagerank)
    }
  })

  it("with no referral minimum, flags the top 5% of referrers by PageRank (ties included)", () => {
    const loose = analyseReferralNetwork(edges, { superConnectorMinReferrals: 1 })
    const referrers = loose.nodes.filter((n) => n.out_degree > 0)
    const flagged = referrers.filter((n) => n.super_connector)
    expect(flagged.length).toBeGreaterThanOrEqual(Math.max(1, Math.floor(0.05 * referrers.length)))
    expect(flagged.length).toBeLessThan(referrers.length / 2)
    const lowestFlagged = Math.min(...flagged.map((n) => n.pagerank))
    for (const n of referrers) if (!n.super_connector) expect(n.pagerank).toBeLessThan(lowestFlagged)
    expect(loose.nodes.filter((n) => n.out_degree === 0).every((n) => !n.super_connector)).toBe(true)
  })

  it("is deterministic for the same edges", () => {
    expect(analyseReferralNetwork(edges)).toEqual(result)
  })
})

describe("analyseReferralNetwork: influence flows up to the referrer", () => {
  it("credits those who brought people who brought people", () => {
    // P referred 2 who each referred 2; Q referred 3 who referred nobody.
    const edges = [
      edge("P", "p1"),
      edge("P", "p2"),
      edge("p1", "p11"),
      edge("p1", "p12"),
      edge("p2", "p21"),
      edge("p2", "p22"),
      edge("Q", "q1"),
      edge("Q", "q2"),
      edge("Q", "q3"),
    ]
    const nodes = byId(analyseReferralNetwork(edges).nodes)
    expect(nodes.get("P")!.pagerank).toBeGreaterThan(nodes.get("Q")!.pagerank)
    expect(nodes.get("Q")!.pagerank).toBeGreaterThan(nodes.get("p1")!.pagerank)
    // Customers who referred nobody only get the teleport share: all equal, and the lowest.
    const leaf = nodes.get("p11")!.pagerank
    for (const id of ["p12", "p21", "p22", "q1", "q2", "q3"]) expect(nodes.get(id)!.pagerank).toBeCloseTo(leaf, 12)
    expect(Math.min(...[...nodes.values()].map((n) => n.pagerank))).toBeCloseTo(leaf, 12)
  })
})

describe("analyseReferralNetwork: a hand-drawn forest", () => {
  //   A            G
  //  / \           |
  // B   C          H
  // |   |
  // D   F
  // |
  // E
  const edges = [edge("A", "B"), edge("A", "C"), edge("B", "D"), edge("D", "E"), edge("C", "F"), edge("G", "H")]
  const result = analyseReferralNetwork(edges)
  const nodes = byId(result.nodes)

  it("counts direct referrals, descendants, generations and depth", () => {
    const expected: Record<string, [number, number, number, number]> = {
      // out_degree, descendants, generations, depth
      A: [2, 5, 3, 0],
      B: [1, 2, 2, 1],
      C: [1, 1, 1, 1],
      D: [1, 1, 1, 2],
      E: [0, 0, 0, 3],
      F: [0, 0, 0, 2],
      G: [1, 1, 1, 0],
      H: [0, 0, 0, 1],
    }
    expect(result.nodes).toHaveLength(8)
    for (const [id, [out_degree, descendants, generations, depth]] of Object.entries(expected)) {
      expect([id, shape(nodes.get(id))]).toEqual([id, { out_degree, descendants, generations, depth }])
    }
  })

  it("tallies customers per depth", () => {
    expect(result.depth_distribution).toEqual([
      { depth: 0, customers: 2 },
      { depth: 1, customers: 3 },
      { depth: 2, customers: 2 },
      { depth: 3, customers: 1 },
    ])
  })

  it("lists friends of friends, sorted", () => {
    expect(result.second_generation).toEqual([
      { referrer: "A", via: "B", friend: "D" },
      { referrer: "A", via: "C", friend: "F" },
      { referrer: "B", via: "D", friend: "E" },
    ])
    expect(result.second_generation_total).toBe(3)
  })

  it("has no super-connector when nobody made 3 referrals", () => {
    expect(result.nodes.some((n) => n.super_connector)).toBe(false)
  })
})

describe("analyseReferralNetwork: second generation", () => {
  const edges = [
    edge("Z", "Y"),
    edge("Y", "X"),
    edge("A", "E"),
    edge("B", "D"),
    edge("A", "B"),
    edge("B", "C"),
    edge("E", "F"),
  ]

  it("sorts by referrer, via, friend regardless of input order", () => {
    const all = [
      { referrer: "A", via: "B", friend: "C" },
      { referrer: "A", via: "B", friend: "D" },
      { referrer: "A", via: "E", friend: "F" },
      { referrer: "Z", via: "Y", friend: "X" },
    ]
    expect(analyseReferralNetwork(edges).second_generation).toEqual(all)
    expect(analyseReferralNetwork([...edges].reverse()).second_generation).toEqual(all)
  })

  it("stops at secondGenerationLimit but reports the total", () => {
    const capped = analyseReferralNetwork(edges, { secondGenerationLimit: 2 })
    expect(capped.second_generation).toEqual([
      { referrer: "A", via: "B", friend: "C" },
      { referrer: "A", via: "B", friend: "D" },
    ])
    expect(capped.second_generation_total).toBe(4)
    expect(analyseReferralNetwork(edges, { secondGenerationLimit: 0 }).second_generation).toEqual([])
  })
})

describe("analyseReferralNetwork: messy edges", () => {
  it("ignores self-loops, repeats and loop-closing edges without double counting", () => {
    const result = analyseReferralNetwork([
      edge("A", "B"),
      edge("B", "C"),
      edge("C", "A"),
      edge("A", "A"),
      edge("A", "B"),
      edge("B", "C"),
      edge("C", "D"),
    ])
    const nodes = byId(result.nodes)
    expect(shape(nodes.get("A"))).toEqual({ out_degree: 1, descendants: 3, generations: 3, depth: 0 })
    expect(shape(nodes.get("D"))).toEqual({ out_degree: 0, descendants: 0, generations: 0, depth: 3 })
    expect(result.ignored).toEqual({ self_loops: 1, duplicates: 2, extra_referrers: 0, cycles: 1 })
    expect(result.second_generation).toEqual([
      { referrer: "A", via: "B", friend: "C" },
      { referrer: "B", via: "C", friend: "D" },
    ])
  })

  it("credits a friend with two referrers to the first one only", () => {
    const nodes = byId(analyseReferralNetwork([edge("X", "Z"), edge("Y", "Z"), edge("Z", "W")]).nodes)
    expect(shape(nodes.get("X"))).toEqual({ out_degree: 1, descendants: 2, generations: 2, depth: 0 })
    expect(shape(nodes.get("Y"))).toEqual({ out_degree: 0, descendants: 0, generations: 0, depth: 0 })
  })

  it("finishes quickly on a 20,000-customer loop and a 20,000-deep chain", () => {
    const n = 20_000
    const ring = Array.from({ length: n }, (_, i) => edge(`r${i}`, `r${(i + 1) % n}`))
    const started = Date.now()
    const result = analyseReferralNetwork(ring)
    expect(Date.now() - started).toBeLessThan(5000)
    const nodes = byId(result.nodes)
    expect(result.ignored.cycles).toBe(1)
    expect(shape(nodes.get("r0"))).toEqual({ out_degree: 1, descendants: n - 1, generations: n - 1, depth: 0 })
    expect(shape(nodes.get(`r${n - 1}`))).toEqual({ out_degree: 0, descendants: 0, generations: 0, depth: n - 1 })
    expect(result.depth_distribution).toHaveLength(n)
    expect(result.second_generation_total).toBe(n - 2)
    expect(result.second_generation).toHaveLength(1000)
  })

  it("returns an empty analysis for no edges, and keeps a customer whose only edge was a self-loop", () => {
    expect(analyseReferralNetwork([])).toEqual({
      nodes: [],
      depth_distribution: [],
      second_generation: [],
      second_generation_total: 0,
      ignored: { self_loops: 0, duplicates: 0, extra_referrers: 0, cycles: 0 },
    })
    const solo = analyseReferralNetwork([edge("S", "S")])
    expect(solo.nodes).toEqual([
      { customer_id: "S", out_degree: 0, descendants: 0, generations: 0, depth: 0, pagerank: 1, super_connector: false },
    ])
  })
})

describe("analyseReferralNetwork: options", () => {
  const edges = [edge("A", "B"), edge("A", "C"), edge("A", "D"), edge("B", "E")]

  it("documents its defaults", () => {
    expect(NETWORK_METRICS_DEFAULTS).toEqual({
      superConnectorPercentile: 0.95,
      superConnectorMinReferrals: 3,
      pagerankAlpha: 0.85,
      maxIterations: 100,
      pagerankTolerance: 1e-6,
      secondGenerationLimit: 1000,
    })
  })

  it("flags a single referrer with enough referrals, and respects the minimum", () => {
    expect(analyseReferralNetwork(edges).nodes.filter((n) => n.super_connector).map((n) => n.customer_id)).toEqual(["A"])
    const strict = analyseReferralNetwork(edges, { superConnectorMinReferrals: 4 })
    expect(strict.nodes.some((n) => n.super_connector)).toBe(false)
  })

  it("moves PageRank with alpha", () => {
    const top = (alpha: number) => analyseReferralNetwork(edges, { pagerankAlpha: alpha }).nodes[0]
    expect(top(0.5).customer_id).toBe("A")
    expect(top(0.95).pagerank).toBeGreaterThan(top(0.5).pagerank)
  })

  it("rejects unknown or out-of-range options with a RangeError", () => {
    const bad: Record<string, unknown>[] = [
      { superConnectorPercentile: 1 },
      { superConnectorPercentile: -0.1 },
      { superConnectorPercentile: Number.NaN },
      { superConnectorMinReferrals: 0 },
      { superConnectorMinReferrals: 2.5 },
      { pagerankAlpha: 0 },
      { pagerankAlpha: 1 },
      { maxIterations: 0 },
      { pagerankTolerance: 0 },
      { secondGenerationLimit: -1 },
      { secondGenerationLimit: 1.5 },
      { superConectorPercentile: 0.9 },
    ]
    for (const options of bad) expect(() => analyseReferralNetwork(edges, options)).toThrow(RangeError)
    expect(() => analyseReferralNetwork(edges, { superConnectorPercentile: 0, pagerankAlpha: undefined })).not.toThrow()
  })

  it("rejects malformed edges with a RangeError", () => {
    expect(() => analyseReferralNetwork([{ referrer: "A", friend: 7 } as never])).toThrow(RangeError)
  })

  it("says so when PageRank does not converge in maxIterations", () => {
    expect(() => analyseReferralNetwork(edges, { maxIterations: 1 })).toThrow(/did not converge within maxIterations=1/)
  })
})
