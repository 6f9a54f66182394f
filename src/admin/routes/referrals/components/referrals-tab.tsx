import { ReferralsTable } from "./referrals-tab-table"
import { ReviewQueue } from "./referrals-tab-review-queue"

/** Referrals waiting for a decision first, then every referral. */
export const ReferralsTab = () => (
  <div className="flex flex-col gap-y-3" data-testid="referrals-tab">
    <ReviewQueue />
    <ReferralsTable />
  </div>
)
