export type WeightedVariant = { key: string; weight: number }

/**
 * FNV-1a over a string, finished with MurmurHash3's avalanche mix: plain
 * FNV-1a's high bits barely move when only a prefix differs, which would
 * correlate the assignments of two experiments.
 */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}

/**
 * Sticky assignment: the same customer always lands in the same variant of
 * the same experiment (a hash of both ids), in proportion to the weights, and
 * assignments of different experiments are independent.
 */
export function assignVariant(unitId: string, experimentId: string, variants: WeightedVariant[]): string {
  if (!variants.length) {
    throw new RangeError("assignVariant: at least one variant is required")
  }
  const total = variants.reduce((sum, variant) => {
    if (!(variant.weight > 0) || !Number.isFinite(variant.weight)) {
      throw new RangeError(`assignVariant: weight of ${variant.key} must be a positive number`)
    }
    return sum + variant.weight
  }, 0)
  const point = (fnv1a32(`${experimentId}:${unitId}`) / 4294967296) * total
  let cumulative = 0
  for (const variant of variants) {
    cumulative += variant.weight
    if (point < cumulative) {
      return variant.key
    }
  }
  return variants[variants.length - 1].key
}
