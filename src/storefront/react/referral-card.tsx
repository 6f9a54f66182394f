import type { ReferralSdk } from "../client"
import { SharePanel } from "./share-panel"
import { useMyReferrals } from "./use-my-referrals"

export type ReferralCardProps = {
  sdk: ReferralSdk
  /** The currency of amounts the offer leaves to the order (e.g. the region's). */
  currencyCode?: string | null
  className?: string
}

/**
 * The account page's referral card: the share panel and what the shopper's
 * referrals have done (pending, converted, rewarded) and earned.
 */
export function ReferralCard({ sdk, currencyCode, className }: ReferralCardProps) {
  const { data, error } = useMyReferrals(sdk)
  if (!data) {
    return <div className={className} data-testid="sr-referral-card-loading">{error ?? "Loading…"}</div>
  }
  const money = (amounts: { amount: number; currency_code: string }[]) =>
    amounts.map((m) => new Intl.NumberFormat(undefined, { style: "currency", currency: m.currency_code.toUpperCase() }).format(m.amount)).join(", ") || "—"
  const { stats } = data
  return (
    <section className={className ?? "sr-referral-card"} data-testid="sr-referral-card">
      <h2>Refer a friend</h2>
      <SharePanel sdk={sdk} referrals={data} currencyCode={currencyCode} />
      <dl className="sr-referral-stats">
        <dt>Pending</dt>
        <dd data-testid="sr-stat-pending">{stats.pending}</dd>
        <dt>Converted</dt>
        <dd data-testid="sr-stat-converted">{stats.converted}</dd>
        <dt>Rewarded</dt>
        <dd data-testid="sr-stat-rewarded">{stats.rewarded}</dd>
        <dt>Earned</dt>
        <dd data-testid="sr-stat-earned">{money(stats.rewards_earned)}</dd>
        <dt>On hold</dt>
        <dd data-testid="sr-stat-held">{money(stats.rewards_held)}</dd>
      </dl>
    </section>
  )
}
