import { referralTree, type ReferralEdge, type ReferralTreeNode } from "../graph"

const edge = (referrer: string, friend: string): ReferralEdge => ({ referrer, friend })

//        A
//      / | \
//     B  C  D
//    / \    |
//   E   F   G
//   |
//   H
const edges = [
  edge("A", "B"),
  edge("A", "C"),
  edge("A", "D"),
  edge("B", "E"),
  edge("B", "F"),
  edge("D", "G"),
  edge("E", "H"),
  edge("X", "A"), // A's own referrer is above the tree, not in it
]

describe("referralTree", () => {
  it("builds the whole tree when the limit is deep enough", () => {
    expect(referralTree(edges, "A", 10)).toEqual({
      customer_id: "A",
      children: [
        {
          customer_id: "B",
          children: [
            { customer_id: "E", children: [{ customer_id: "H", children: [] }] },
            { customer_id: "F", children: [] },
          ],
        },
        { customer_id: "C", children: [] },
        { customer_id: "D", children: [{ customer_id: "G", children: [] }] },
      ],
    })
  })

  it("stops at the depth limit and marks customers whose friends were cut off", () => {
    expect(referralTree(edges, "A", 1)).toEqual({
      customer_id: "A",
      children: [
        { customer_id: "B", children: [], truncated: true },
        { customer_id: "C", children: [] },
        { customer_id: "D", children: [], truncated: true },
      ],
    })
    const two = referralTree(edges, "A", 2)
    expect(two.children[0].children).toEqual([
      { customer_id: "E", children: [], truncated: true },
      { customer_id: "F", children: [] },
    ])
    expect(two.children[2].children).toEqual([{ customer_id: "G", children: [] }])
    expect(referralTree(edges, "A", 3)).toEqual(referralTree(edges, "A", 10))
  })

  it("starts from any customer, and returns a lone leaf for one who referred nobody or is unknown", () => {
    expect(referralTree(edges, "D", 5)).toEqual({ customer_id: "D", children: [{ customer_id: "G", children: [] }] })
    expect(referralTree(edges, "H", 5)).toEqual({ customer_id: "H", children: [] })
    expect(referralTree(edges, "nobody", 5)).toEqual({ customer_id: "nobody", children: [] })
  })

  it("is cycle-safe: loops, self-loops and repeats do not recur or duplicate", () => {
    const messy = [edge("A", "B"), edge("B", "C"), edge("C", "A"), edge("B", "B"), edge("A", "B"), edge("C", "B")]
    const expected = {
      customer_id: "A",
      children: [{ customer_id: "B", children: [{ customer_id: "C", children: [] }] }],
    }
    expect(referralTree(messy, "A", 100)).toEqual(expected)
    // From inside the loop, the edge back to the root was the one dropped.
    expect(referralTree(messy, "C", 100)).toEqual({ customer_id: "C", children: [] })
  })

  it("handles a 50,000-deep chain without overflowing the stack", () => {
    const n = 50_000
    const chain = Array.from({ length: n }, (_, i) => edge(`c${i}`, `c${i + 1}`))
    let node: ReferralTreeNode = referralTree(chain, "c0", n)
    let depth = 0
    while (node.children.length > 0) {
      node = node.children[0]
      depth++
    }
    expect(depth).toBe(n)
    expect(node.truncated).toBeUndefined()
    const cut = referralTree(chain, "c0", 100)
    let last = cut
    for (let d = 0; d < 100; d++) last = last.children[0]
    expect(last).toEqual({ customer_id: "c100", children: [], truncated: true })
  })

  it("rejects a depth limit below 1 or not an integer, and an empty root id", () => {
    for (const limit of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => referralTree(edges, "A", limit)).toThrow(RangeError)
    }
    expect(() => referralTree(edges, "", 1)).toThrow(RangeError)
  })
})
