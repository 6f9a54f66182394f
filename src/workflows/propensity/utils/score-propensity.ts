import type { MedusaContainer } from "@medusajs/framework/types"
import { bandCuts, isExplored, propensityBand } from "../../../ml/propensity/bands"
import { PropensityScorer } from "../../../ml/propensity/propensity-scorer"
import { REFERRAL_MODULE } from "../../../modules/referral"
import type { IReferralModuleService } from "../../../types"
import type { CustomerPropensity } from "../../../types"
import { loadCustomerFeatures } from "../../../analytics/customer-features"
import { loadActivePropensityModel } from "./active-propensity-model"

/** A customer's propensity to refer; the type GET /admin/referrals/customers/:id/propensity answers. */
export type PropensityScore = CustomerPropensity

const HEURISTIC = new PropensityScorer({ kind: "heuristic" })

/**
 * What later steps call: customers' propensity to refer, as of now, with the
 * active model (or the heuristic before any). Bands are relative to the store:
 * cut from the model's score percentiles at the program's shares. Without
 * percentiles (no model trained yet) everyone is "medium". A "low" customer in
 * the exploration share is still asked (`explore`). One feature query for all
 * the ids given.
 */
export async function scorePropensity(container: MedusaContainer, customerIds: string[]): Promise<PropensityScore[]> {
  const referrals = container.resolve<IReferralModuleService>(REFERRAL_MODULE)
  const [settings, active] = await Promise.all([referrals.retrieveProgramSettings(), loadActivePropensityModel(referrals)])
  const scorer = active?.scorer ?? HEURISTIC
  const cuts = active?.score_percentiles
    ? bandCuts(active.score_percentiles, { ask_share: settings.propensity_ask_share, high_share: settings.propensity_high_share })
    : null
  const rows = await loadCustomerFeatures(container, { as_of: new Date(), customer_ids: customerIds })
  return rows.map((row) => {
    const score = scorer.score(row.vector)
    const band = cuts ? propensityBand(score, cuts) : "medium"
    return {
      customer_id: row.customer_id,
      score,
      band,
      explore: band === "low" && isExplored(row.customer_id, active!.id, settings.propensity_exploration_share),
      model_version: active?.version ?? 0,
      model_kind: active?.kind ?? "heuristic",
      top_features: scorer.explain(row.vector),
    }
  })
}
