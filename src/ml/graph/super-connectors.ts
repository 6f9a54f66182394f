/**
 * Super-connectors: the customers whose referrals keep spreading. A customer
 * qualifies when their influence (PageRank) is in the top share among
 * customers who referred anyone, AND they made enough direct referrals
 * themselves, so one lucky friend with a big tree does not make a
 * super-connector of a customer who referred only that friend.
 */

export type SuperConnectorRule = {
  /** Influence percentile to reach among customers with at least one referral; 0.95 means the top 5%. */
  percentile: number
  /** Fewest direct referrals a super-connector must have made. */
  minReferrals: number
}

/**
 * Flags per customer. The top share is floor((1 - percentile) × referrers)
 * customers, at least one, and customers tied with the last of them are in too.
 */
export function superConnectors(influence: Float64Array, outDegree: Int32Array, rule: SuperConnectorRule): Uint8Array {
  const n = influence.length
  const flags = new Uint8Array(n)
  const referrerScores: number[] = []
  for (let i = 0; i < n; i++) if (outDegree[i] > 0) referrerScores.push(influence[i])
  if (referrerScores.length === 0) return flags

  referrerScores.sort((a, b) => b - a)
  // The epsilon keeps e.g. (1 - 0.9) × 10 = 0.9999999999999998 from flooring to 0.
  const slots = Math.max(1, Math.floor((1 - rule.percentile) * referrerScores.length + 1e-9))
  const threshold = referrerScores[Math.min(slots, referrerScores.length) - 1]
  for (let i = 0; i < n; i++) {
    if (outDegree[i] > 0 && outDegree[i] >= rule.minReferrals && influence[i] >= threshold) flags[i] = 1
  }
  return flags
}
