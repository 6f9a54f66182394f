import { mixedHash32 } from "../hash"

export type WeightedVariant = { key: string; weight: number }

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
  const point = (mixedHash32(`${experimentId}:${unitId}`) / 4294967296) * total
  let cumulative = 0
  for (const variant of variants) {
    cumulative += variant.weight
    if (point < cumulative) {
      return variant.key
    }
  }
  return variants[variants.length - 1].key
}
