/**
 * Second-generation referrals: A referred B, B referred C. These are the
 * conversions a referral programme gets for free, and the ones a
 * two-level reward would pay for.
 */
import type { ReferralForest } from "./referral-forest"

export type SecondGenerationReferral = { referrer: string; via: string; friend: string }

// Code-unit order: the same on every machine, unlike localeCompare.
const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Every friend of a friend, sorted by referrer, then via, then friend, and
 * cut to the first `limit`. `total` is the count before the cut.
 */
export function secondGeneration(
  forest: ReferralForest,
  limit: number
): { referrals: SecondGenerationReferral[]; total: number } {
  const { ids, parent } = forest
  // In a forest each customer two levels down is exactly one such triple.
  const friends: number[] = []
  for (let i = 0; i < ids.length; i++) if (parent[i] >= 0 && parent[parent[i]] >= 0) friends.push(i)
  const total = friends.length
  if (limit === 0) return { referrals: [], total }

  friends.sort(
    (x, y) =>
      byCodeUnits(ids[parent[parent[x]]], ids[parent[parent[y]]]) ||
      byCodeUnits(ids[parent[x]], ids[parent[y]]) ||
      byCodeUnits(ids[x], ids[y])
  )
  const referrals: SecondGenerationReferral[] = []
  for (let k = 0; k < Math.min(limit, total); k++) {
    const c = friends[k]
    referrals.push({ referrer: ids[parent[parent[c]]], via: ids[parent[c]], friend: ids[c] })
  }
  return { referrals, total }
}
