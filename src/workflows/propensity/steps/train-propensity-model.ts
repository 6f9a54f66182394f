import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { trainPropensity } from "../../../ml/propensity/train-propensity"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import { loadCustomerFeatures } from "../../../analytics/customer-features"
import { DAY_MS } from "../../../types"
import { loadActivePropensityModel } from "../utils/active-propensity-model"
import { calibrateBands } from "../utils/calibrate-bands"

export const trainPropensityModelStepId = "train-propensity-model"

/**
 * Features as of the start of the label window, labels from what customers did
 * since, then training on a time-based split; then the candidate's bands are
 * calibrated on the customers as they are now. Loading, training and
 * calibrating share one step so a million feature rows never travel through
 * the workflow engine's stored state; only the trained model leaves it.
 * Writes nothing.
 */
export const trainPropensityModelStep = createStep(
  trainPropensityModelStepId,
  async (input: { now?: Date; seed?: number }, { container }) => {
    const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
    const [settings, active] = await Promise.all([referrals.retrieveProgramSettings(), loadActivePropensityModel(referrals)])
    const now = input.now ?? new Date()
    const asOf = new Date(now.getTime() - settings.propensity_label_window_days * DAY_MS)
    const rows = await loadCustomerFeatures(container, { as_of: asOf, label: settings.propensity_label })
    const trained = trainPropensity(
      rows.map((row) => ({ vector: row.vector, label: row.label! })),
      { minPositives: settings.propensity_min_positives, seed: input.seed ?? 42 }
    )
    const shares = { ask_share: settings.propensity_ask_share, high_share: settings.propensity_high_share }
    const calibration = await calibrateBands(container, trained, active, shares, now)
    return new StepResponse({
      ...trained,
      ...calibration,
      label: settings.propensity_label,
      trained_at: now,
      tolerance: settings.propensity_promotion_tolerance,
      max_suppressed_shift: settings.propensity_max_suppressed_shift,
    })
  }
)
