import { randomBytes } from "crypto"
import type { IReferralModuleService } from "../types"

/** The secret keying the hashes fraud flags store instead of addresses and device ids. */
export const FLAG_HASH_SECRET = "flag_hash"

/**
 * The store's secret of that name, generated on first use and kept in the
 * plugin's `referral_secret` table. Two servers generating it at once: the
 * unique name lets one insert win, and the other reads the winner's.
 */
export async function storeSecret(referrals: IReferralModuleService, name: string): Promise<string> {
  const read = async () => (await referrals.listReferralSecrets({ name }, { take: 1, select: ["value"] }))[0]?.value
  const existing = await read()
  if (existing) {
    return existing
  }
  try {
    const [created] = await referrals.createReferralSecrets([{ name, value: randomBytes(32).toString("base64url") }])
    return created.value
  } catch (error) {
    const winner = await read()
    if (winner) {
      return winner
    }
    throw error
  }
}
