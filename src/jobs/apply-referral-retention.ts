import type { MedusaContainer } from "@medusajs/framework/types"
import { applyReferralRetentionWorkflow } from "../workflows"

/** Nightly: identifiers and share messages past the program's retention are removed (safe to run twice). */
export default async function applyReferralRetentionJob(container: MedusaContainer) {
  await applyReferralRetentionWorkflow(container).run({ input: {} })
}

export const config = {
  name: "smart-referrals-apply-retention",
  schedule: "15 3 * * *",
}
