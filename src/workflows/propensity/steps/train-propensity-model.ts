import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { trainPropensity } from "../../../ml/propensity/train-propensity"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { loadCustomerFeatures } from "../../../analytics/customer-features"
import { DAY_MS } from "../../../types"

export const trainPropensityModelStepId = "train-propensity-model"


/**
 * Features as of the start of the label window, labels from what customers did
 * since, then training on a time-based split. Loading and training share one
 * step so a million feature rows never travel through the workflow engine's
 * stored state; only the trained model leaves it. Writes nothing.
 */
export const trainPropensityModelStep = createStep(
  trainPropensityModelStepId,
  async (input: { now?: Date; seed?: number }, { container }) => {
    const settings = await container.resolve<IReferralModuleService>(REFERRAL_MODULE).retrieveProgramSettings()
    const now = input.now ?? new Date()
    const asOf = new Date(now.getTime() - settings.propensity_label_window_days * DAY_MS)
    const rows = await loadCustomerFeatures(container, { as_of: asOf, label: settings.propensity_label })
    const trained = trainPropensity(
      rows.map((row) => ({ vector: row.vector, label: row.label! })),
      { minPositives: settings.propensity_min_positives, seed: input.seed ?? 42 }
    )
    return new StepResponse({
      ...trained,
      label: settings.propensity_label,
      trained_at: now,
      tolerance: settings.propensity_promotion_tolerance,
    })
  }
)
