import { StatusBadge, Tooltip } from "@medusajs/ui"
import type { AdminReferral, ReferralFlag, ReferralStatus } from "../../../hooks/referrals"
import { describeReferralFlag } from "../../../../rules/describe-referral-flag"

const STATUS_COLOR: Record<ReferralStatus, "green" | "blue" | "orange" | "purple" | "red" | "grey"> = {
  pending: "orange",
  review: "purple",
  converted: "blue",
  rewarded: "green",
  rejected: "red",
  expired: "grey",
}

/** The fraud rules that fired for a referral; `flags` may be absent on older records. */
export const flagsOf = (referral: Pick<AdminReferral, "flags">): ReferralFlag[] => referral.flags ?? []

/** A referral's status, with a flag count whose tooltip lists the rules that fired. */
export const ReferralStatusBadge = ({ referral }: { referral: AdminReferral }) => {
  const flags = flagsOf(referral)
  return (
    <div className="flex items-center gap-x-1" data-testid={`referral-status-${referral.id}`}>
      <StatusBadge color={STATUS_COLOR[referral.status] ?? "grey"}>{referral.status}</StatusBadge>
      {flags.length > 0 && (
        <Tooltip content={flags.map(describeReferralFlag).join(" · ")}>
          <span>
            <StatusBadge color="red" data-testid={`referral-flags-${referral.id}`}>
              {flags.length} {flags.length === 1 ? "flag" : "flags"}
            </StatusBadge>
          </span>
        </Tooltip>
      )}
    </div>
  )
}
