import { auc, logLoss } from "../metrics"
import { mulberry32 } from "../random"

/** The definition: P(score of a random positive > a random negative), ties counting half. */
function pairwiseAuc(labels: number[], scores: number[]): number {
  let wins = 0
  let pairs = 0
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 1) continue
    for (let j = 0; j < labels.length; j++) {
      if (labels[j] !== 0) continue
      pairs++
      if (scores[i] > scores[j]) wins += 1
      else if (scores[i] === scores[j]) wins += 0.5
    }
  }
  return wins / pairs
}

describe("auc", () => {
  it("matches the pairwise definition on random data, with and without ties", () => {
    const rand = mulberry32(2024)
    for (let trial = 0; trial < 20; trial++) {
      const n = 5 + Math.floor(rand() * 200)
      const labels = Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0))
      labels[0] = 1
      labels[1] = 0
      // Half the trials use coarse scores, so many are tied.
      const coarse = trial % 2 === 0
      const scores = labels.map((y) => {
        const s = rand() + 0.3 * y
        return coarse ? Math.round(s * 4) / 4 : s
      })
      expect(auc(labels, scores)).toBeCloseTo(pairwiseAuc(labels, scores), 12)
      expect(auc(Uint8Array.from(labels), Float64Array.from(scores))).toBeCloseTo(pairwiseAuc(labels, scores), 12)
    }
  })

  it("is 1 for a perfect ranking, 0 for a reversed one and 0.5 when every score ties", () => {
    const labels = [0, 0, 1, 1]
    expect(auc(labels, [0.1, 0.2, 0.3, 0.4])).toBe(1)
    expect(auc(labels, [0.4, 0.3, 0.2, 0.1])).toBe(0)
    expect(auc(labels, [0.5, 0.5, 0.5, 0.5])).toBe(0.5)
  })

  it("is NaN when only one class is present", () => {
    expect(auc([1, 1, 1], [0.1, 0.2, 0.3])).toBeNaN()
    expect(auc([], [])).toBeNaN()
  })

  it("rejects mismatched lengths, non-binary labels and NaN scores", () => {
    expect(() => auc([0, 1], [0.5])).toThrow(RangeError)
    expect(() => auc([0, 2], [0.1, 0.2])).toThrow(RangeError)
    expect(() => auc([0, 1], [0.1, NaN])).toThrow(RangeError)
  })

  it("sorts 200k scores quickly (O(n log n))", () => {
    const rand = mulberry32(3)
    const n = 200_000
    const labels = Uint8Array.from({ length: n }, () => (rand() < 0.5 ? 1 : 0))
    const scores = Float64Array.from({ length: n }, rand)
    const start = Date.now()
    expect(Math.abs(auc(labels, scores) - 0.5)).toBeLessThan(0.01)
    expect(Date.now() - start).toBeLessThan(2000)
  })
})

describe("logLoss", () => {
  it("is ln 2 for coin-flip predictions and finite for confident misses", () => {
    expect(logLoss([0, 1], [0.5, 0.5])).toBeCloseTo(Math.LN2, 12)
    expect(Number.isFinite(logLoss([1], [0]))).toBe(true)
    expect(logLoss([1, 0], [0.9, 0.2])).toBeCloseTo(-(Math.log(0.9) + Math.log(0.8)) / 2, 12)
  })
})
