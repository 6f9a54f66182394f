import { gaussian, mulberry32, shuffleInPlace } from "../random"

describe("mulberry32", () => {
  it("repeats its sequence for a seed and differs across seeds", () => {
    const draw = (seed: number) => Array.from({ length: 5 }, mulberry32(seed))
    expect(draw(7)).toEqual(draw(7))
    expect(draw(7)).not.toEqual(draw(8))
  })

  it("draws uniformly from [0, 1)", () => {
    const rand = mulberry32(123)
    const buckets = new Array(10).fill(0)
    for (let i = 0; i < 100_000; i++) {
      const u = rand()
      expect(u >= 0 && u < 1).toBe(true)
      buckets[Math.floor(u * 10)]++
    }
    for (const count of buckets) expect(Math.abs(count - 10_000)).toBeLessThan(500)
  })

  it("refuses a non-integer seed", () => {
    expect(() => mulberry32(1.5)).toThrow(RangeError)
    expect(() => mulberry32(NaN)).toThrow(RangeError)
  })
})

describe("shuffleInPlace", () => {
  it("permutes arrays and typed arrays deterministically", () => {
    const a = shuffleInPlace(Array.from({ length: 50 }, (_, i) => i), mulberry32(1))
    const b = shuffleInPlace(Uint32Array.from({ length: 50 }, (_, i) => i), mulberry32(1))
    expect(Array.from(b)).toEqual(a)
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i))
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i))
  })

  it("puts every element everywhere about equally often", () => {
    const rand = mulberry32(9)
    const firstCounts = [0, 0, 0, 0]
    for (let i = 0; i < 40_000; i++) firstCounts[shuffleInPlace([0, 1, 2, 3], rand)[0]]++
    for (const count of firstCounts) expect(Math.abs(count - 10_000)).toBeLessThan(400)
  })
})

describe("gaussian", () => {
  it("has mean 0 and variance 1", () => {
    const rand = mulberry32(5)
    let sum = 0
    let squares = 0
    const n = 100_000
    for (let i = 0; i < n; i++) {
      const z = gaussian(rand)
      sum += z
      squares += z * z
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.02)
    expect(Math.abs(squares / n - 1)).toBeLessThan(0.02)
  })
})
