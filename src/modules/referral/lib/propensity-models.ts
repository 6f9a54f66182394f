import { MedusaError } from "@medusajs/framework/utils"
import type { PromotionDecision } from "../../../ml/propensity/promotion-decision"
import type { TrainedPropensityRow } from "../../../types/referral/service"
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

/** A newer training supersedes models still waiting for confirmation: only the newest can be confirmed. */
export async function supersedeAwaitingPropensityModels(knex: Knex, version: number): Promise<string[]> {
  const rows: { id: string }[] = await knex("propensity_model")
    .update({
      status: "rejected",
      reason: knex.raw(`coalesce(nullif(reason, '') || '; ', '') || ?`, [`superseded by version ${version}`]),
      updated_at: new Date(),
    })
    .where({ status: "awaiting_confirmation" })
    .whereNull("deleted_at")
    .returning("id")
  return rows.map((row) => row.id)
}

/** Compensation of a save: drop the new version, give the previous active model back its place and un-supersede. */
export async function revertPropensityModelSave(
  knex: Knex,
  saved: { id: string; previous_active_id: string | null; superseded_ids?: string[] }
) {
  await knex("propensity_model").where("id", saved.id).delete()
  if (saved.previous_active_id) {
    await knex("propensity_model").update({ status: "active" }).where("id", saved.previous_active_id)
  }
  if (saved.superseded_ids?.length) {
    await knex("propensity_model").update({ status: "awaiting_confirmation" }).whereIn("id", saved.superseded_ids)
  }
}

/** The row of a trained model: its serialised model and explainer, version, and whether it was promoted and why. */
export function propensityModelRow(trained: TrainedPropensityRow, version: number, decision: PromotionDecision) {
  return {
    ...trained,
    // Stored as plain JSON; the scorer checks name and version when loading.
    model: trained.model as unknown as Record<string, unknown> | null,
    explainer: trained.explainer as unknown as Record<string, unknown> | null,
    version,
    status: decision.promote
      ? ("active" as const)
      : decision.needs_confirmation
        ? ("awaiting_confirmation" as const)
        : ("rejected" as const),
    reason: [trained.reason, decision.reason].filter(Boolean).join("; "),
  }
}

/**
 * An admin confirms a model that was waiting for it: it becomes active and the
 * active one retires. Only a model awaiting confirmation can be confirmed, so a
 * repeated confirmation is refused rather than applied twice.
 */
export async function confirmPropensityModel(
  knex: Knex,
  id: string
): Promise<{ id: string; version: number; previous_active_id: string | null }> {
  const active = await lockActivePropensityModel(knex)
  const [model] = await knex("propensity_model").select("id", "version", "status").where({ id }).whereNull("deleted_at").forUpdate()
  if (!model) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Propensity model ${id} was not found`)
  }
  if (model.status !== "awaiting_confirmation") {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      `Propensity model version ${model.version} is ${model.status}; only a model awaiting confirmation can be promoted`
    )
  }
  if (active) {
    await retirePropensityModel(knex, active.id)
  }
  await knex("propensity_model")
    .update({
      status: "active",
      reason: knex.raw(`coalesce(nullif(reason, '') || '; ', '') || ?`, ["confirmed by an admin"]),
      updated_at: new Date(),
    })
    .where({ id })
  return { id, version: model.version, previous_active_id: active?.id ?? null }
}

/** Compensation of a confirmation: the model waits again and the previous active model is back. */
export async function revertPropensityModelConfirmation(
  knex: Knex,
  confirmed: { id: string; previous_active_id: string | null }
) {
  await knex("propensity_model").update({ status: "awaiting_confirmation" }).where("id", confirmed.id)
  if (confirmed.previous_active_id) {
    await knex("propensity_model").update({ status: "active" }).where("id", confirmed.previous_active_id)
  }
}
