export type PropensityBand = "high" | "medium" | "low"

/** High above `high` (ask readily), low below `low` (don't ask), medium between. */
export function propensityBand(score: number, low: number, high: number): PropensityBand {
  if (!(low < high)) {
    throw new RangeError(`The low threshold (${low}) must be below the high threshold (${high})`)
  }
  return score > high ? "high" : score < low ? "low" : "medium"
}
