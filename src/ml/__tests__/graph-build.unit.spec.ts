import { DirectedGraph } from "graphology"
import { buildReferralGraph, referralForest, type ReferralEdge } from "../graph"

const edge = (referrer: string, friend: string): ReferralEdge => ({ referrer, friend })

describe("referralForest", () => {
  it("keeps one referrer per friend and lists every referrer before its friends", () => {
    const forest = referralForest([edge("B", "D"), edge("A", "B"), edge("A", "C"), edge("D", "E")])
    expect(forest.ids).toEqual(["B", "D", "A", "C", "E"])
    expect(Array.from(forest.parent)).toEqual([2, 0, -1, 2, 1])
    expect(forest.edges).toBe(4)
    const position = new Map(Array.from(forest.order, (node, k) => [node, k]))
    expect(forest.order).toHaveLength(5)
    for (let i = 0; i < forest.ids.length; i++) {
      if (forest.parent[i] >= 0) expect(position.get(forest.parent[i])!).toBeLessThan(position.get(i)!)
    }
  })

  it("drops and counts self-loops, repeats, second referrers and loop-closing edges", () => {
    const forest = referralForest([
      edge("A", "B"),
      edge("B", "C"),
      edge("C", "A"), // closes A → B → C → A
      edge("A", "A"),
      edge("A", "B"),
      edge("D", "C"), // C already came through B
      edge("C", "D"), // fine: D had no referrer and is not above C
    ])
    expect(forest.ignored).toEqual({ self_loops: 1, duplicates: 1, extra_referrers: 1, cycles: 1 })
    expect(forest.edges).toBe(3)
    const parentOf = (id: string) => {
      const p = forest.parent[forest.indexOf.get(id)!]
      return p < 0 ? null : forest.ids[p]
    }
    expect([parentOf("A"), parentOf("B"), parentOf("C"), parentOf("D")]).toEqual([null, "A", "B", "C"])
  })

  it("keeps a customer whose only edge was dropped", () => {
    const forest = referralForest([edge("solo", "solo")])
    expect(forest.ids).toEqual(["solo"])
    expect(forest.edges).toBe(0)
  })

  it("rejects malformed edges with a RangeError", () => {
    expect(() => referralForest("A→B" as never)).toThrow(RangeError)
    expect(() => referralForest([null as never])).toThrow(/edges\[0\] must be an object/)
    expect(() => referralForest([edge("A", "B"), { referrer: "A" } as never])).toThrow(/edges\[1\]\.friend/)
    expect(() => referralForest([edge("", "B")])).toThrow(/edges\[0\]\.referrer/)
  })
})

describe("buildReferralGraph", () => {
  it("is a graphology DirectedGraph of referrer → friend edges", () => {
    const graph = buildReferralGraph([edge("A", "B"), edge("A", "C"), edge("B", "D")])
    expect(graph).toBeInstanceOf(DirectedGraph)
    expect(graph.type).toBe("directed")
    expect(graph.nodes()).toEqual(["A", "B", "C", "D"])
    expect(graph.size).toBe(3)
    expect(graph.hasDirectedEdge("A", "B")).toBe(true)
    expect(graph.hasDirectedEdge("B", "A")).toBe(false)
    expect(graph.outNeighbors("A")).toEqual(["B", "C"])
    expect(graph.getAttribute("ignored")).toEqual({ self_loops: 0, duplicates: 0, extra_referrers: 0, cycles: 0 })
  })

  it("holds no self-loops, parallel edges or cycles, and says what it dropped", () => {
    const graph = buildReferralGraph([edge("A", "A"), edge("A", "B"), edge("A", "B"), edge("B", "A"), edge("C", "B")])
    expect(graph.nodes()).toEqual(["A", "B", "C"])
    expect(graph.size).toBe(1)
    expect(graph.inDegree("B")).toBe(1)
    expect(graph.getAttribute("ignored")).toEqual({ self_loops: 1, duplicates: 1, extra_referrers: 1, cycles: 1 })
  })

  it("is empty for no edges", () => {
    const graph = buildReferralGraph([])
    expect(graph.order).toBe(0)
    expect(graph.size).toBe(0)
  })
})
