import { model } from "@medusajs/framework/utils"
import { PROPENSITY_MODEL_STATUSES } from "../../../types/referral/constants"

/**
 * A trained propensity-to-refer model and how it measured up. One row per
 * training run, compared with the active model before it is stored: `active`
 * (the one scoring customers), `awaiting_confirmation` (it would change the
 * share of customers not asked too much) or `rejected`; a replaced active
 * model becomes `retired`. `kind` is `heuristic` while the store is in cold start.
 */
const PropensityModel = model
  .define(
    { tableName: "propensity_model", name: "PropensityModel" },
    {
      id: model.id({ prefix: "refpm" }).primaryKey(),
      version: model.number(),
      kind: model.enum(["gradient_boosting", "heuristic"]),
      status: model.enum([...PROPENSITY_MODEL_STATUSES]),
      trained_at: model.dateTime(),
      label: model.text(),
      features: model.json<string[]>(),
      n_train: model.number(),
      n_test: model.number(),
      positives: model.number(),
      positive_rate: model.float(),
      auc: model.float().nullable(),
      baseline_auc: model.float().nullable(),
      importances: model.json<Record<string, number>>().nullable(),
      training_ms: model.number(),
      reason: model.text().nullable(),
      /** Percentiles 0..100 of its scores over the store's customers when trained: the bands are cut from them. */
      score_percentiles: model.json<number[]>().nullable(),
      /** Share of customers it put in the low band when trained, and the active model's share on the same customers. */
      suppressed_share: model.float().nullable(),
      active_suppressed_share: model.float().nullable(),
      model: model.json().nullable(),
      explainer: model.json().nullable(),
      metadata: model.json().nullable(),
    }
  )
  .indexes([
    { name: "IDX_propensity_model_version_unique", on: ["version"], unique: true, where: "deleted_at IS NULL" },
    {
      name: "IDX_propensity_model_one_active",
      on: ["status"],
      unique: true,
      where: "status = 'active' AND deleted_at IS NULL",
    },
  ])

export default PropensityModel
