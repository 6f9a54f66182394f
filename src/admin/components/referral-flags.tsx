import { ExclamationCircle } from "@medusajs/icons"
import { StatusBadge, Text } from "@medusajs/ui"
import type { StoredReferralFlag } from "../../types"
import { describeReferralFlag } from "../../rules/describe-referral-flag"

/**
 * The fraud rules that fired on a referral: a badge per rule and its
 * explanation, rendered from the flag's references (ids, counts, hashes).
 * Renders nothing when there are none (`flags` is null or absent on clean referrals).
 */
export const ReferralFlags = ({ flags, testId = "referral-flags" }: { flags?: StoredReferralFlag[] | null; testId?: string }) => {
  const list = flags ?? []
  if (!list.length) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-1" data-testid={testId}>
      {list.map((flag) => (
        <div key={flag.rule} className="flex items-start gap-x-2">
          <ExclamationCircle className="mt-0.5 shrink-0 text-ui-fg-error" />
          <div className="flex flex-col">
            <StatusBadge color="red" className="w-fit">
              {flag.rule.replace(/_/g, " ")}
            </StatusBadge>
            <Text size="small" className="text-ui-fg-subtle">
              {describeReferralFlag(flag)}
            </Text>
          </div>
        </div>
      ))}
    </div>
  )
}
