import type { MedusaContainer } from "@medusajs/framework/types"
import { expireReferralPromptsWorkflow } from "../workflows"

/** Hourly: prompts past their time without a converted referral become the bandit's failures. */
export default async function expireReferralPromptsJob(container: MedusaContainer) {
  await expireReferralPromptsWorkflow(container).run({ input: {} })
}

export const config = {
  name: "smart-referrals-expire-prompts",
  schedule: "30 * * * *",
}
