import type { MedusaContainer } from "@medusajs/framework/types"
import { releaseReferralRewardsWorkflow } from "../workflows"

/** Hourly: issue referrer rewards whose hold has passed. Safe to run twice: each reward is claimed once. */
export default async function releaseReferralRewardsJob(container: MedusaContainer) {
  const { result } = await releaseReferralRewardsWorkflow(container).run({ input: {} })
  if (result.issued || result.revoked || result.failed.length) {
    container.resolve("logger").info(
      `Referral rewards: ${result.issued} issued, ${result.revoked} revoked, ${result.failed.length} failed`
    )
  }
}

export const config = {
  name: "smart-referrals-release-rewards",
  schedule: "0 * * * *",
}
