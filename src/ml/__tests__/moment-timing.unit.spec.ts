import { decideMomentTiming, summarizeMomentTiming, type MomentReach, type MomentTimingEvidence } from "../moments/timing"
import { mulberry32, type Rand } from "../random"

/** Share of `n` decisions that wait, with fixed evidence. */
function waitShare(evidence: MomentTimingEvidence[], reach: Record<string, MomentReach> | undefined, n = 2000, seed = 1) {
  const random = mulberry32(seed)
  let waits = 0
  for (let i = 0; i < n; i++) {
    const d = decideMomentTiming({ current: "order_placed", later: ["delivered"], evidence, reach, minEvidence: 30, random })
    if (d.decision === "wait") waits++
  }
  return waits / n
}

// Delivered is worth 3× the purchase moment per ask; both are well measured.
const CLEAR: MomentTimingEvidence[] = [
  { moment: "order_placed", asks: 1500, value: 150 },
  { moment: "delivered", asks: 1500, value: 450 },
]

describe("decideMomentTiming", () => {
  it("asks now on a cold start, without drawing", () => {
    let draws = 0
    const random = () => {
      draws++
      return 0.5
    }
    const none = decideMomentTiming({ current: "order_placed", later: ["delivered"], evidence: [], minEvidence: 30, random })
    expect(none).toEqual({ decision: "ask_now", wait_for: null, sampled: {}, cold: true })
    // A later moment below minEvidence is not considered, however good it looks.
    const thinLater = decideMomentTiming({
      current: "order_placed",
      later: ["delivered"],
      evidence: [{ moment: "order_placed", asks: 100, value: 1 }, { moment: "delivered", asks: 29, value: 29 }],
      minEvidence: 30,
      random,
    })
    expect(thinLater.cold).toBe(true)
    // So is every later moment while `current` itself is thin.
    const thinNow = decideMomentTiming({
      current: "order_placed",
      later: ["delivered"],
      evidence: [{ moment: "order_placed", asks: 10, value: 0 }, { moment: "delivered", asks: 500, value: 400 }],
      minEvidence: 30,
      random,
    })
    expect(thinNow.decision).toBe("ask_now")
    expect(thinNow.cold).toBe(true)
    expect(draws).toBe(0)
  })

  it("explores a thin later moment for the `explore` share of cold decisions, and only a thin one", () => {
    const random = mulberry32(11)
    const evidence: MomentTimingEvidence[] = [
      { moment: "order_placed", asks: 500, value: 50 },
      { moment: "delivered", asks: 5, value: 1 },
      { moment: "review", asks: 10, value: 2 },
      { moment: "repeat_purchase", asks: 0, value: 0 },
    ]
    const later = ["delivered", "review", "repeat_purchase"]
    const counts: Record<string, number> = {}
    let waits = 0
    const n = 4000
    for (let i = 0; i < n; i++) {
      const d = decideMomentTiming({ current: "order_placed", later, evidence, minEvidence: 30, random, explore: 0.2 })
      expect(d.cold).toBe(true)
      if (d.decision === "wait") {
        waits++
        expect(d.explored).toBe(true)
        counts[d.wait_for as string] = (counts[d.wait_for as string] ?? 0) + 1
      }
    }
    expect(waits / n).toBeGreaterThan(0.17)
    expect(waits / n).toBeLessThan(0.23)
    for (const m of later) expect(counts[m] / waits).toBeGreaterThan(0.25)
    // A later moment with enough evidence is compared, not explored.
    const warm = decideMomentTiming({
      current: "order_placed",
      later: ["delivered"],
      evidence: [{ moment: "order_placed", asks: 500, value: 50 }, { moment: "delivered", asks: 500, value: 50 }],
      minEvidence: 30,
      random,
      explore: 1,
    })
    expect(warm.cold).toBe(false)
    expect(warm.explored).toBeUndefined()
    expect(() => decideMomentTiming({ current: "a", later: [], evidence: [], minEvidence: 1, random, explore: 2 })).toThrow(RangeError)
  })

  it("waits nearly always when the later moment is worth 3× and is reached ~90% of the time", () => {
    expect(waitShare(CLEAR, { delivered: { reached: 900, of: 1000 } })).toBeGreaterThan(0.99)
    const d = decideMomentTiming({
      current: "order_placed",
      later: ["delivered"],
      evidence: CLEAR,
      reach: { delivered: { reached: 900, of: 1000 } },
      minEvidence: 30,
      random: mulberry32(3),
    })
    expect(d).toMatchObject({ decision: "wait", wait_for: "delivered", cold: false })
    expect(Object.keys(d.sampled).sort()).toEqual(["delivered", "order_placed"])
  })

  it("asks now when the better later moment is rarely reached (reach 0.2: 0.3 × 0.2 < 0.1)", () => {
    expect(waitShare(CLEAR, { delivered: { reached: 200, of: 1000 } })).toBeLessThan(0.01)
  })

  it("explores while the evidence leaves doubt", () => {
    const close: MomentTimingEvidence[] = [
      { moment: "order_placed", asks: 40, value: 4 },
      { moment: "delivered", asks: 40, value: 5 },
    ]
    const share = waitShare(close, undefined)
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThan(0.9)
  })

  it("adds up rows of the same moment and ignores `current` in `later`", () => {
    const split: MomentTimingEvidence[] = [
      { moment: "order_placed", asks: 750, value: 75 },
      { moment: "delivered", asks: 1000, value: 300 },
      { moment: "order_placed", asks: 750, value: 75 },
      { moment: "delivered", asks: 500, value: 150 },
    ]
    expect(waitShare(split, undefined, 500, 4)).toBe(waitShare(CLEAR, undefined, 500, 4))
    const self = decideMomentTiming({ current: "delivered", later: ["delivered"], evidence: CLEAR, minEvidence: 0, random: mulberry32(1) })
    expect(self.cold).toBe(true)
  })

  it("refuses evidence that is not a rate", () => {
    const base = { current: "order_placed", later: ["delivered"], minEvidence: 1, random: mulberry32(1) }
    expect(() => decideMomentTiming({ ...base, evidence: [{ moment: "delivered", asks: 1, value: 2 }] })).toThrow(RangeError)
    expect(() => decideMomentTiming({ ...base, evidence: [{ moment: "delivered", asks: -1, value: 0 }] })).toThrow(RangeError)
    expect(() => decideMomentTiming({ ...base, evidence: [], reach: { delivered: { reached: 3, of: 2 } } })).toThrow(RangeError)
    expect(() => decideMomentTiming({ ...base, evidence: [], minEvidence: NaN })).toThrow(RangeError)
  })
})

/**
 * A sequential timing problem with a known answer. Customers arrive at their
 * purchase; asking now is worth 0.08, waiting for delivery (reached 90%)
 * 0.2 × 0.9 = 0.18, waiting for a review (reached 30%) 0.45 × 0.3 = 0.135.
 * A fifth of customers are first seen at a later moment (their purchase ask
 * was suppressed) and are asked there, which is how later moments get their
 * first evidence in a store that always asked at once.
 */
const TRUTH = {
  value: { order_placed: 0.08, delivered: 0.2, review: 0.45 } as Record<string, number>,
  reach: { delivered: 0.9, review: 0.3 } as Record<string, number>,
}
const EXPECTED: Record<string, number> = {
  order_placed: TRUTH.value.order_placed,
  delivered: TRUTH.value.delivered * TRUTH.reach.delivered,
  review: TRUTH.value.review * TRUTH.reach.review,
}
const BEST = "delivered"

function simulate(seed: number, steps: number) {
  const decide = mulberry32(seed)
  const world: Rand = mulberry32(seed + 1000)
  const totals = new Map<string, { asks: number; value: number }>()
  const reach: Record<string, MomentReach> = { delivered: { reached: 0, of: 0 }, review: { reached: 0, of: 0 } }
  const record = (moment: string) => {
    const t = totals.get(moment) ?? { asks: 0, value: 0 }
    t.asks += 1
    t.value += world() < TRUTH.value[moment] ? 1 : 0
    totals.set(moment, t)
  }
  const regret: number[] = []
  const chosen: string[] = []
  for (let step = 0; step < steps; step++) {
    if (world() < 0.2) {
      record(world() < 0.5 ? "delivered" : "review")
      continue
    }
    const evidence = [...totals].map(([moment, t]) => ({ moment, ...t }))
    const d = decideMomentTiming({ current: "order_placed", later: ["delivered", "review"], evidence, reach, minEvidence: 20, random: decide })
    const pick = d.wait_for ?? "order_placed"
    chosen.push(pick)
    regret.push(EXPECTED[BEST] - EXPECTED[pick])
    // Whether the customer goes on to each later moment is seen whatever was decided.
    const reached: Record<string, boolean> = {}
    for (const m of ["delivered", "review"]) {
      reached[m] = world() < TRUTH.reach[m]
      reach[m].of++
      if (reached[m]) reach[m].reached++
    }
    if (pick === "order_placed") record(pick)
    else if (reached[pick]) record(pick)
  }
  return { regret, chosen }
}

describe("decideMomentTiming, learning in sequence", () => {
  it("has sublinear regret against the oracle and settles on the best moment", () => {
    for (const seed of [1, 2, 3]) {
      const { regret, chosen } = simulate(seed, 4000)
      const half = Math.floor(regret.length / 2)
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
      expect(mean(regret.slice(half))).toBeLessThan(mean(regret.slice(0, half)))
      const lastQuarter = chosen.slice(Math.floor((3 * chosen.length) / 4))
      expect(lastQuarter.filter((m) => m === BEST).length / lastQuarter.length).toBeGreaterThan(0.9)
    }
  })

  it("is deterministic under a seed", () => {
    expect(simulate(7, 800)).toEqual(simulate(7, 800))
    expect(simulate(7, 800).chosen).not.toEqual(simulate(8, 800).chosen)
  })
})

describe("summarizeMomentTiming", () => {
  it("gives the posterior mean and an interval that covers the true value about `level` of the time", () => {
    const truth = { order_placed: 0.1, delivered: 0.3 }
    let covered = 0
    let total = 0
    for (let seed = 1; seed <= 150; seed++) {
      const rand = mulberry32(seed)
      const evidence: MomentTimingEvidence[] = Object.entries(truth).map(([moment, p]) => {
        let value = 0
        for (let i = 0; i < 300; i++) value += rand() < p ? 1 : 0
        return { moment, asks: 300, value }
      })
      for (const s of summarizeMomentTiming(evidence)) {
        const p = truth[s.moment as keyof typeof truth]
        expect(s.lower).toBeLessThan(s.mean)
        expect(s.mean).toBeLessThan(s.upper)
        total++
        if (s.lower <= p && p <= s.upper) covered++
      }
    }
    expect(covered / total).toBeGreaterThan(0.84)
    expect(covered / total).toBeLessThanOrEqual(0.97)
  })

  it("adds up rows per moment in order of first appearance; no asks is the uniform prior", () => {
    const s = summarizeMomentTiming([
      { moment: "review", asks: 0, value: 0 },
      { moment: "delivered", asks: 6, value: 2 },
      { moment: "delivered", asks: 4, value: 2 },
    ])
    expect(s.map((x) => x.moment)).toEqual(["review", "delivered"])
    expect(s[0].mean).toBeCloseTo(0.5, 12)
    expect(s[0].lower).toBeCloseTo(0.05, 9)
    expect(s[0].upper).toBeCloseTo(0.95, 9)
    expect(s[1]).toMatchObject({ asks: 10 })
    expect(s[1].mean).toBeCloseTo(5 / 12, 12)
    expect(() => summarizeMomentTiming([], 1)).toThrow(RangeError)
  })
})
