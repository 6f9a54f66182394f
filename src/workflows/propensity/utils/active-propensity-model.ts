import { PropensityScorer } from "../../../ml/propensity/propensity-scorer"
import type { IReferralModuleService } from "../../../types"

/** The active model, ready to score: its scorer and the percentiles its bands are cut from. */
export type ActivePropensityModel = {
  id: string
  version: number
  kind: "gradient_boosting" | "heuristic"
  scorer: PropensityScorer
  /** Null for a model stored before bands were relative: it bands nobody "low" until the next training. */
  score_percentiles: number[] | null
}

/** Deserialised models by id: a version never changes, so this is safe across requests and instances. */
const loaded = new Map<string, ActivePropensityModel>()
const MAX_CACHED = 4

/** The model scoring customers now, or null before the first training (the heuristic scores then, unbanded). */
export async function loadActivePropensityModel(referrals: IReferralModuleService): Promise<ActivePropensityModel | null> {
  const [active] = await referrals.listPropensityModels({ status: "active" }, { select: ["id"], take: 1 })
  if (!active) {
    return null
  }
  const cached = loaded.get(active.id)
  if (cached) {
    return cached
  }
  const stored = await referrals.retrievePropensityModel(active.id, {
    select: ["id", "version", "kind", "model", "explainer", "score_percentiles"],
  })
  const model: ActivePropensityModel = {
    id: stored.id,
    version: stored.version,
    kind: stored.kind,
    scorer: new PropensityScorer({ kind: stored.kind, model: stored.model, explainer: stored.explainer }),
    score_percentiles: Array.isArray(stored.score_percentiles) && stored.score_percentiles.length ? stored.score_percentiles : null,
  }
  if (loaded.size >= MAX_CACHED) {
    loaded.delete(loaded.keys().next().value!)
  }
  loaded.set(active.id, model)
  return model
}
