import { assignVariant, compareProportions, normalCdf, probabilityBest } from "../stats"

describe("experiment statistics", () => {
  it("assigns stickily and in proportion to the weights", () => {
    const variants = [
      { key: "control", weight: 1 },
      { key: "treatment", weight: 3 },
    ]
    expect(assignVariant("cus_1", "exp_1", variants)).toBe(assignVariant("cus_1", "exp_1", variants))
    const counts = { control: 0, treatment: 0 } as Record<string, number>
    for (let i = 0; i < 20000; i++) {
      counts[assignVariant(`cus_${i}`, "exp_1", variants)]++
    }
    expect(counts.treatment / 20000).toBeCloseTo(0.75, 1)
    expect(() => assignVariant("c", "e", [])).toThrow(RangeError)
    expect(() => assignVariant("c", "e", [{ key: "a", weight: 0 }])).toThrow(RangeError)
  })

  it("keeps different experiments' assignments independent", () => {
    const variants = [
      { key: "a", weight: 1 },
      { key: "b", weight: 1 },
    ]
    let same = 0
    for (let i = 0; i < 10000; i++) {
      same += assignVariant(`cus_${i}`, "exp_1", variants) === assignVariant(`cus_${i}`, "exp_2", variants) ? 1 : 0
    }
    expect(same / 10000).toBeGreaterThan(0.47)
    expect(same / 10000).toBeLessThan(0.53)
  })

  it("matches textbook values for the normal CDF and a two-proportion test", () => {
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 5)
    expect(normalCdf(0)).toBeCloseTo(0.5, 7)
    // 120/1000 vs 100/1000: pooled p = 0.11, se = 0.013993, z = 1.4293, p ≈ 0.1529.
    const result = compareProportions(120, 1000, 100, 1000)!
    expect(result.difference).toBeCloseTo(0.02, 10)
    expect(result.z).toBeCloseTo(1.4293, 3)
    expect(result.p_value).toBeCloseTo(0.1529, 3)
    expect(result.ci95[0]).toBeLessThan(0)
    expect(result.ci95[1]).toBeGreaterThan(0.04)
    expect(compareProportions(0, 0, 1, 10)).toBeNull()
    expect(() => compareProportions(5, 3, 1, 10)).toThrow(RangeError)
  })

  it("gives the clearly better variant almost all of the probability of being best", () => {
    const [worse, better] = probabilityBest([
      { successes: 50, trials: 1000 },
      { successes: 120, trials: 1000 },
    ])
    expect(better).toBeGreaterThan(0.99)
    expect(worse + better).toBeCloseTo(1, 10)
    const even = probabilityBest([
      { successes: 10, trials: 100 },
      { successes: 10, trials: 100 },
    ])
    expect(even[0]).toBeCloseTo(0.5, 1)
  })
})
