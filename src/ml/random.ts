/**
 * Seeded randomness. Models never touch Math.random, so the same seed always
 * gives the same model (and the same JSON).
 */

// A module-level alias: Jest's sandbox makes every global `Math` lookup slow, and draws are hot.
const { imul } = Math

/** A source of uniform numbers in [0, 1). */
export type Rand = () => number

/** Tommy Ettinger's mulberry32: 32 bits of state, fast, and good enough for sampling and shuffles. */
export function mulberry32(seed: number): Rand {
  if (!Number.isInteger(seed)) {
    throw new RangeError(`seed must be an integer, got ${seed}`)
  }
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = imul(state ^ (state >>> 15), 1 | state)
    t = (t + imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Shufflable = { length: number; [index: number]: any }

/** Fisher–Yates in place; returns the same array for chaining. */
export function shuffleInPlace<T extends Shufflable>(array: T, rand: Rand): T {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    const swap = array[i]
    array[i] = array[j]
    array[j] = swap
  }
  return array
}

/** A standard normal draw (Box–Muller); 1 - rand() keeps log() away from 0. */
export function gaussian(rand: Rand): number {
  const u = 1 - rand()
  const v = rand()
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
}
