import type { PromotionDecision } from "../../../ml/propensity/promotion-decision"
import type { TrainedPropensity } from "../../../ml/propensity/train-propensity"
import type { Knex } from "./transaction"

/** The active model, its row locked so two trainings finishing together cannot both replace it. */
export async function lockActivePropensityModel(
  knex: Knex
): Promise<{ id: string; kind: "gradient_boosting" | "heuristic"; auc: number | null } | undefined> {
  const [active] = await knex("propensity_model")
    .select("id", "kind", "auc")
    .where({ status: "active" })
    .whereNull("deleted_at")
    .forUpdate()
  return active
}

/** The version the next stored model takes. */
export async function nextPropensityModelVersion(knex: Knex): Promise<number> {
  const [{ max }] = await knex("propensity_model").max("version as max")
  return Number(max ?? 0) + 1
}

export async function retirePropensityModel(knex: Knex, id: string) {
  await knex("propensity_model").update({ status: "retired", updated_at: new Date() }).where("id", id)
}

/** Compensation of a save: drop the new version and give the previous active model back its place. */
export async function revertPropensityModelSave(knex: Knex, saved: { id: string; previous_active_id: string | null }) {
  await knex("propensity_model").where("id", saved.id).delete()
  if (saved.previous_active_id) {
    await knex("propensity_model").update({ status: "active" }).where("id", saved.previous_active_id)
  }
}

/** The row of a trained model: its serialised model and explainer, version, and whether it was promoted and why. */
export function propensityModelRow(
  trained: TrainedPropensity & { label: string; trained_at: Date },
  version: number,
  decision: PromotionDecision
) {
  return {
    ...trained,
    // Stored as plain JSON; the scorer checks name and version when loading.
    model: trained.model as unknown as Record<string, unknown> | null,
    explainer: trained.explainer as unknown as Record<string, unknown> | null,
    version,
    status: decision.promote ? ("active" as const) : ("rejected" as const),
    reason: [trained.reason, decision.reason].filter(Boolean).join("; "),
  }
}
