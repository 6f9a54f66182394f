import { fromRows } from "../matrix"
import { BINNING_DEFAULTS, QuantileBinner, quantileEdges, sortNumbers } from "../propensity/binning"
import { gaussian, mulberry32 } from "../random"

const column = (values: number[]) => fromRows(values.map((v) => [v]))

describe("quantileEdges", () => {
  it("gives each of a few distinct values its own bin, cut at midpoints", () => {
    const sorted = Float64Array.from([1, 1, 2, 2, 2, 5]).sort()
    expect(Array.from(quantileEdges(sorted, 255))).toEqual([1.5, 3.5])
  })

  it("fills at most maxBins bins with about equal counts", () => {
    const rand = mulberry32(1)
    const values = Float64Array.from({ length: 10_000 }, () => gaussian(rand)).sort()
    const edges = quantileEdges(values, 10)
    expect(edges.length).toBe(9)
    const binner = new QuantileBinner([edges])
    const counts = new Array(11).fill(0)
    for (const v of values) counts[binner.binOf(0, v)]++
    expect(counts[0]).toBe(0)
    for (let b = 1; b <= 10; b++) expect(Math.abs(counts[b] - 1000)).toBeLessThan(50)
  })

  it("keeps a heavily repeated value in a bin of its own", () => {
    const values = [...new Array(5000).fill(0), ...Array.from({ length: 5000 }, (_, i) => i + 1)]
    const edges = quantileEdges(Float64Array.from(values).sort(), 20)
    expect(edges[0]).toBe(0.5)
    expect(edges.length).toBeLessThanOrEqual(19)
  })

  it("is strictly increasing even between adjacent doubles", () => {
    const a = 1
    const b = 1 + Number.EPSILON
    const edges = quantileEdges(Float64Array.from([a, b, 2]), 255)
    expect(edges[0]).toBeGreaterThanOrEqual(a)
    expect(edges[0]).toBeLessThan(b)
    expect(edges[1]).toBeGreaterThan(edges[0])
  })
})

describe("sortNumbers", () => {
  it("sorts like Float64Array's sort, with many repeats and at every small size", () => {
    const rand = mulberry32(3)
    for (const n of [0, 1, 2, 3, 15, 16, 17, 100, 5000]) {
      for (const distinct of [1, 3, 1000]) {
        const a = Float64Array.from({ length: n }, () => Math.floor(rand() * distinct) - distinct / 2 + rand() * (distinct > 3 ? 1 : 0))
        expect(sortNumbers(a.slice())).toEqual(a.slice().sort())
      }
    }
    const sorted = Float64Array.from({ length: 1000 }, (_, i) => i)
    expect(sortNumbers(sorted.slice())).toEqual(sorted)
    expect(sortNumbers(sorted.slice().reverse())).toEqual(sorted)
  })
})

describe("QuantileBinner", () => {
  it("puts NaN in bin 0 and values in bins 1..edges+1", () => {
    const binner = QuantileBinner.fit(column([NaN, 1, 2, 3, NaN]))
    expect(binner.binCount(0)).toBe(4)
    expect([NaN, 0, 1, 1.7, 2, 3, 99, Infinity, -Infinity].map((v) => binner.binOf(0, v))).toEqual([
      0, 1, 1, 2, 2, 3, 3, 3, 1,
    ])
  })

  it("has thresholds that agree with the bins: bin <= b exactly when value <= threshold(b)", () => {
    const rand = mulberry32(4)
    const values = Array.from({ length: 3000 }, () => Math.round(gaussian(rand) * 50) / 10)
    const binner = QuantileBinner.fit(column(values), { maxBins: 16 })
    for (let b = 1; b < binner.binCount(0); b++) {
      const threshold = binner.threshold(0, b)
      for (const v of values) expect(binner.binOf(0, v) <= b).toBe(v <= threshold)
    }
    expect(binner.threshold(0, binner.binCount(0) - 1)).toBe(Infinity)
  })

  it("transforms to a column-major byte matrix with per-feature offsets", () => {
    const matrix = fromRows([
      [1, 10],
      [2, NaN],
      [3, 30],
    ])
    const binned = QuantileBinner.fit(matrix).transform(matrix)
    expect(Array.from(binned.bins)).toEqual([1, 2, 3, 1, 0, 2])
    expect(Array.from(binned.offsets)).toEqual([0, 4, 7])
  })

  it("transforms every value to binOf's bin, edge values, infinities and NaN included", () => {
    const rand = mulberry32(9)
    // Edge counts around powers of two (the search pads to one), repeated values, and values on the edges themselves.
    for (const maxBins of [2, 3, 4, 5, 8, 9, 16, 100, 255]) {
      const values = Array.from({ length: 4000 }, (_, i) => (i % 11 === 0 ? NaN : Math.round(gaussian(rand) * 40) / 4))
      const binner = QuantileBinner.fit(column(values), { maxBins })
      const probes = [...values, ...binner.edges[0], -Infinity, Infinity, NaN, -0, 1e300]
      const binned = binner.transform(column(probes))
      expect(Array.from(binned.bins)).toEqual(probes.map((v) => binner.binOf(0, v)))
    }
  })

  it("never uses more than 255 value bins, so bins fit in a byte", () => {
    const values = Array.from({ length: 5000 }, (_, i) => i)
    const binner = QuantileBinner.fit(column(values))
    expect(BINNING_DEFAULTS.maxBins).toBe(255)
    expect(binner.binCount(0)).toBe(256)
    expect(Math.max(...binner.transform(column(values)).bins)).toBe(255)
  })

  it("places edges on a seeded sample when there are more rows than sampleSize", () => {
    const rand = mulberry32(8)
    const matrix = column(Array.from({ length: 20_000 }, rand))
    const edges = (seed: number) => Array.from(QuantileBinner.fit(matrix, { sampleSize: 1000, maxBins: 8, seed }).edges[0])
    expect(edges(1)).toEqual(edges(1))
    expect(edges(1)).not.toEqual(edges(2))
    for (const [k, edge] of edges(1).entries()) expect(Math.abs(edge - (k + 1) / 8)).toBeLessThan(0.05)
  })

  it("rejects out-of-range options", () => {
    const matrix = column([1, 2, 3])
    expect(() => QuantileBinner.fit(matrix, { maxBins: 300 })).toThrow(RangeError)
    expect(() => QuantileBinner.fit(matrix, { maxBins: 1 })).toThrow(RangeError)
    expect(() => QuantileBinner.fit(matrix, { sampleSize: 0 })).toThrow(RangeError)
    expect(() => QuantileBinner.fit(matrix, { seed: 0.5 })).toThrow(RangeError)
  })
})
