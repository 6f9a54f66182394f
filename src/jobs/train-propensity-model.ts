import type { MedusaContainer } from "@medusajs/framework/types"
import { trainPropensityModelWorkflow } from "../workflows"

/** Nightly: retrain the propensity model on the day's data; it is promoted only if it measures up. */
export default async function trainPropensityModelJob(container: MedusaContainer) {
  const { result } = await trainPropensityModelWorkflow(container).run({ input: {} })
  container
    .resolve("logger")
    .info(
      `Propensity model v${result.version} (${result.kind}, AUC ${result.auc ?? "n/a"}): ` +
        `${result.promoted ? "promoted" : "not promoted"}: ${result.reason}`
    )
}

export const config = {
  name: "smart-referrals-train-propensity",
  schedule: "0 3 * * *",
}
