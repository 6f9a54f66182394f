import { runBanditSimulation, type BanditDecisionLog } from "../bandit-sim"

// The choice never depends on `resamples` (only the logged probability does), so
// tests that look at choices alone take 1 resample: Jest's sandbox is slow.
const CHOICES_ONLY = { resamples: 1 }

function shareOf(log: BanditDecisionLog[], armId: string): number {
  return log.filter((d) => d.arm_id === armId).length / log.length
}

describe("Thompson sampling in simulation", () => {
  it("gives a clearly better arm (0.12 vs 0.05, equal cost) at least 80% of the last half of 5,000 decisions", () => {
    for (const seed of [1, 2]) {
      const { log } = runBanditSimulation({ seed, decisions: 5000, scenario: "one_best_arm", options: CHOICES_ONLY })
      expect(shareOf(log.slice(2500), "c")).toBeGreaterThanOrEqual(0.8)
    }
  })

  it("prefers the cheaper arm when conversion is equal (at least 70% of the last half)", () => {
    for (const seed of [1, 2]) {
      const { log } = runBanditSimulation({ seed, decisions: 5000, scenario: "cheaper_wins", options: CHOICES_ONLY })
      expect(shareOf(log.slice(2500), "cheap")).toBeGreaterThanOrEqual(0.7)
    }
  })

  describe("over 10,000 decisions with one best arm", () => {
    let result: ReturnType<typeof runBanditSimulation>
    beforeAll(() => {
      // 20 resamples: a coarser logged probability than the default 200, at a tenth of the cost.
      result = runBanditSimulation({ seed: 1, decisions: 10_000, scenario: "one_best_arm", options: { resamples: 20 } })
    })

    it("grows regret sub-linearly: regret at 10,000 is under 3× regret at 1,000", () => {
      const r = result.cumulative_regret
      expect(r[999]).toBeGreaterThan(0)
      expect(r[9999]).toBeLessThan(3 * r[999])
    })

    it("logs probabilities in (0, 1], near 1 for the dominant arm once learned", () => {
      for (const d of result.log) {
        expect(d.probability).toBeGreaterThan(0)
        expect(d.probability).toBeLessThanOrEqual(1)
      }
      const late = result.log.slice(-1000).filter((d) => d.arm_id === "c")
      const meanProbability = late.reduce((sum, d) => sum + d.probability, 0) / late.length
      expect(meanProbability).toBeGreaterThan(0.95)
    })
  })

  it("learns per context: lean offers for high propensity, where generosity does not pay", () => {
    // 27,000 decisions over 48 contexts: as many per context as 10,000 gave the 18 before first-time buyers were split.
    const { log } = runBanditSimulation({ seed: 1, decisions: 27_000, scenario: "contextual", options: CHOICES_ONLY })
    const lateHigh = log.slice(13_500).filter((d) => d.context_key.startsWith("high|"))
    expect(shareOf(lateHigh, "lean")).toBeGreaterThanOrEqual(0.75)
  })
})
