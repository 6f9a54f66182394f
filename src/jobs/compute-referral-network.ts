import type { MedusaContainer } from "@medusajs/framework/types"
import { computeReferralNetworkWorkflow } from "../workflows"

/** Nightly: recompute the referral network, so super-connectors get their own offers in the bandit. */
export default async function computeReferralNetworkJob(container: MedusaContainer) {
  await computeReferralNetworkWorkflow(container).run()
}

export const config = {
  name: "smart-referrals-compute-network",
  schedule: "30 3 * * *",
}
