import type { PROPENSITY_FEATURES } from "../../ml/propensity/features"
import type { PropensityModelDTO } from "../referral"
import type { ComputeRunOf } from "./compute-runs"

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
  | "suppressed_share"
  | "active_suppressed_share"
>

/**
 * GET /admin/referrals/model: the model in force, recent runs; `cold_start` while the heuristic scores;
 * `awaiting_confirmation` the newest model that waits for an admin (why: its `reason` and suppressed shares).
 */
export type AdminPropensityModelResponse = {
  active: PropensityModelSummary | null
  awaiting_confirmation: PropensityModelSummary | null
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
  | "suppressed_share"
  | "active_suppressed_share"
> & { promoted: boolean; awaiting_confirmation: boolean; reason: string | null }

/** POST /admin/referrals/model/train (202, queued) and GET /admin/referrals/model/train/:id (poll until done or failed). */
export type AdminTrainPropensityModelResponse = { run: ComputeRunOf<PropensityTrainingOutcome> }

/** POST /admin/referrals/model/:id/promote */
export type AdminPromotePropensityModelResponse = { model: PropensityModelSummary }
