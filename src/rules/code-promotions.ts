import type { ReferralCodeStatus } from "../types/referral/constants"

/**
 * A referral code's Medusa promotions (its own and its currency promotions, see
 * `currency-promotions.ts`) give the friend's discount only while the program
 * is on and the code itself is active. Medusa's promotion engine knows nothing
 * of the program switch, so anything that applies a code without the plugin's
 * checks (an admin's draft order, a cart refreshed later) relies on the
 * promotions' own status.
 */
export function codePromotionsLive(program: { enabled: boolean }, code: { status: ReferralCodeStatus }): boolean {
  return program.enabled && code.status === "active"
}
