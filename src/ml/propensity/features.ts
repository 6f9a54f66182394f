/**
 * The features a customer's propensity to refer is scored on, in model order,
 * each with its meaning. All are computed "as of" a moment: for training, the
 * start of the label window (so nothing from the future leaks in); for
 * scoring, now. Missing values (e.g. recency of a customer without orders) are
 * NaN, which the models handle.
 */
export const PROPENSITY_FEATURES = [
  { name: "tenure_days", description: "Days since the customer was created." },
  { name: "order_count", description: "Orders placed and not canceled." },
  { name: "total_spent", description: "Sum of those orders' current totals (store currency units)." },
  { name: "avg_order_value", description: "total_spent / order_count." },
  { name: "recency_days", description: "Days since the last order; missing without orders." },
  { name: "days_between_orders", description: "Average days between first and last order; missing below two orders." },
  { name: "distinct_products", description: "Different products bought." },
  { name: "distinct_categories", description: "Different product categories bought." },
  { name: "canceled_orders", description: "Orders the customer or store canceled." },
  { name: "returns", description: "Returns requested on the customer's orders." },
  { name: "prompts_seen", description: "Referral prompts shown to the customer." },
  { name: "shares", description: "Times the customer shared their referral link." },
  { name: "code_clicks", description: "Clicks friends made on the customer's referral link." },
  { name: "prior_referrals", description: "Referrals the customer had converted as referrer." },
] as const

export type PropensityFeatureName = (typeof PROPENSITY_FEATURES)[number]["name"]

export const FEATURE_NAMES: PropensityFeatureName[] = PROPENSITY_FEATURES.map((feature) => feature.name)

/** A row as the feature query returns it (numbers or null), to the model's vector. */
export function featureVector(row: Partial<Record<PropensityFeatureName, number | string | null>>): number[] {
  return FEATURE_NAMES.map((name) => {
    const value = row[name]
    return value === null || value === undefined ? NaN : Number(value)
  })
}
