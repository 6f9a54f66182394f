import type { PROPENSITY_FEATURES } from "../../ml/propensity/features"
import type { PropensityModelDTO } from "../referral"

/** One training run of the propensity model, without its serialised trees. */
export type PropensityModelSummary = Pick<
  PropensityModelDTO,
  | "id"
  | "version"
  | "kind"
  | "status"
  | "trained_at"
  | "label"
  | "n_train"
  | "n_test"
  | "positives"
  | "positive_rate"
  | "auc"
  | "baseline_auc"
  | "importances"
  | "training_ms"
  | "reason"
>

/** GET /admin/referrals/model: the model in force, recent runs; `cold_start` while the heuristic scores. */
export type AdminPropensityModelResponse = {
  active: PropensityModelSummary | null
  cold_start: boolean
  models: PropensityModelSummary[]
  features: typeof PROPENSITY_FEATURES
}

/** The new version and whether it replaced the active one. */
export type PropensityTrainingOutcome = Pick<
  PropensityModelDTO,
  | "id"
  | "version"
  | "kind"
  | "auc"
  | "baseline_auc"
  | "positives"
  | "positive_rate"
  | "n_train"
  | "n_test"
  | "importances"
  | "training_ms"
> & { promoted: boolean; reason: string | null }

/** POST /admin/referrals/model/train */
export type AdminTrainPropensityModelResponse = { model: PropensityTrainingOutcome }
