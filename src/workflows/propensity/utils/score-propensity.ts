import type { MedusaContainer } from "@medusajs/framework/types"
import { propensityBand } from "../../../ml/propensity/bands"
import { PropensityScorer } from "../../../ml/propensity/propensity-scorer"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { CustomerPropensity } from "../../../types"
import { loadCustomerFeatures } from "../../../analytics/customer-features"

/** A customer's propensity to refer; the type GET /admin/referrals/customers/:id/propensity answers. */
export type PropensityScore = CustomerPropensity

/** Deserialised scorers by model id: a version never changes, so this is safe across requests and instances. */
const scorers = new Map<string, PropensityScorer>()
const HEURISTIC = new PropensityScorer({ kind: "heuristic" })
const MAX_CACHED = 4

/**
 * What later steps call: customers' propensity to refer, as of now, with the
 * active model (or the heuristic before any), banded by the program's
 * thresholds. One feature query for all the ids given.
 */
export async function scorePropensity(container: MedusaContainer, customerIds: string[]): Promise<PropensityScore[]> {
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const [settings, [active]] = await Promise.all([
    referrals.retrieveProgramSettings(),
    referrals.listPropensityModels({ status: "active" }, { select: ["id", "version", "kind"], take: 1 }),
  ])
  const scorer = active ? await scorerFor(referrals, active.id) : HEURISTIC
  const rows = await loadCustomerFeatures(container, { as_of: new Date(), customer_ids: customerIds })
  return rows.map((row) => {
    const score = scorer.score(row.vector)
    return {
      customer_id: row.customer_id,
      score,
      band: propensityBand(score, settings.propensity_low_threshold, settings.propensity_high_threshold),
      model_version: active?.version ?? 0,
      model_kind: active?.kind ?? "heuristic",
      top_features: scorer.explain(row.vector),
    }
  })
}

async function scorerFor(referrals: IReferralModuleService, modelId: string): Promise<PropensityScorer> {
  const cached = scorers.get(modelId)
  if (cached) {
    return cached
  }
  const stored = await referrals.retrievePropensityModel(modelId, { select: ["id", "kind", "model", "explainer"] })
  const scorer = new PropensityScorer({ kind: stored.kind, model: stored.model, explainer: stored.explainer })
  if (scorers.size >= MAX_CACHED) {
    scorers.delete(scorers.keys().next().value!)
  }
  scorers.set(modelId, scorer)
  return scorer
}
