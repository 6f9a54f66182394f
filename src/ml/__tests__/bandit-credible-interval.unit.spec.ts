import { betaCdf, betaCredibleInterval } from "../bandit/credible-interval"

describe("betaCredibleInterval", () => {
  it("matches closed forms of the Beta CDF and its quantiles", () => {
    // Beta(2, 5): P(Binomial(6, x) ≥ 2).
    expect(betaCdf(0.3, { alpha: 2, beta: 5 })).toBeCloseTo(1 - 0.7 ** 6 - 6 * 0.3 * 0.7 ** 5, 10)
    const uniform = betaCredibleInterval({ alpha: 1, beta: 1 })
    expect(uniform[0]).toBeCloseTo(0.025, 9)
    expect(uniform[1]).toBeCloseTo(0.975, 9)
    // Beta(2, 1) has CDF x², so its quantiles are √p.
    const [lo, hi] = betaCredibleInterval({ alpha: 2, beta: 1 })
    expect(lo).toBeCloseTo(Math.sqrt(0.025), 9)
    expect(hi).toBeCloseTo(Math.sqrt(0.975), 9)
    // Beta(½, ½) is the arcsine law: quantile sin²(πp/2).
    expect(betaCredibleInterval({ alpha: 0.5, beta: 0.5 })[0]).toBeCloseTo(Math.sin((Math.PI * 0.025) / 2) ** 2, 9)
  })

  it("narrows around the rate as evidence grows", () => {
    const [lo, hi] = betaCredibleInterval({ alpha: 5001, beta: 95001 })
    const sd = Math.sqrt((0.05 * 0.95) / 100002)
    expect(lo).toBeCloseTo(0.05 - 1.96 * sd, 4)
    expect(hi).toBeCloseTo(0.05 + 1.96 * sd, 4)
  })

  it("refuses parameters that are not a Beta distribution", () => {
    expect(() => betaCredibleInterval({ alpha: 0, beta: 1 })).toThrow(RangeError)
    expect(() => betaCredibleInterval({ alpha: 1, beta: 1 }, 1)).toThrow(RangeError)
  })
})
