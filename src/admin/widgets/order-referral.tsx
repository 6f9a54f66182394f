import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { QueryState } from "../components/query-state"
import { ReferralFlags } from "../components/referral-flags"
import {
  useOrderReferral,
  type OrderReferral,
  type OrderReferralAttempt,
  type OrderReferralReward,
} from "../hooks/order-referral"
import { formatDate, formatMoney, formatOfferSide, formatReason } from "../lib/format"
import { AdminLink } from "../components/admin-link"
import { RevokeReward } from "../components/revoke-reward"

const statusColor = (status: string) =>
  ({ rewarded: "green", issued: "green", converted: "blue", held: "orange", issuing: "orange", pending: "orange",
    review: "purple", rejected: "red", revoking: "red", revoked: "red" } as const)[status] ?? ("grey" as const)

const Row = ({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) => (
  <div className="grid grid-cols-[120px_1fr] items-start gap-x-3 py-1" data-testid={testId}>
    <Text size="small" className="text-ui-fg-subtle">
      {label}
    </Text>
    <div className="flex flex-col gap-y-0.5 text-ui-fg-base">{children}</div>
  </div>
)

const referrerName = (referrer: OrderReferral["referrer"]) =>
  [referrer.first_name, referrer.last_name].filter(Boolean).join(" ") || referrer.email || referrer.id

/** "experiment_id:key,experiment_id:key" → the variant keys with their experiment. */
const variantLabels = (variant: string | null) =>
  (variant ?? "")
    .split(",")
    .filter(Boolean)
    .map((entry) => {
      const [experiment, key] = entry.split(":")
      return key ? `${key} (${experiment})` : entry
    })

const ReferrerReward = ({ reward }: { reward: OrderReferralReward | undefined }) => {
  if (!reward) {
    return (
      <Text size="small" className="text-ui-fg-subtle" data-testid="order-reward-status">
        none yet
      </Text>
    )
  }
  const when =
    reward.status === "held"
      ? `releases ${formatDate(reward.release_at)}`
      : reward.status === "issued"
        ? `issued ${formatDate(reward.issued_at)}`
        : reward.status === "revoked"
          ? `revoked ${formatDate(reward.revoked_at)}${reward.note ? ` · ${formatReason(reward.note)}` : ""}`
          : reward.status === "revoking"
            ? `clawback pending, retried hourly${reward.note ? ` · ${formatReason(reward.note)}` : ""}`
            : null
  return (
    <>
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus" data-testid="order-reward-amount">
          {formatMoney(reward.amount, reward.currency_code)}{" "}
          {reward.kind === "store_credit" ? "store credit" : "discount code"}
        </Text>
        <StatusBadge color={statusColor(reward.status)} data-testid="order-reward-status">
          {reward.status}
        </StatusBadge>
      </div>
      {when && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="order-reward-release">
          {when}
        </Text>
      )}
      {(reward.status === "held" || reward.status === "issued") && <RevokeReward rewardId={reward.id} />}
    </>
  )
}

const ReferralDetails = ({ referral }: { referral: OrderReferral }) => {
  const friendReward = referral.rewards.find((reward) => reward.role === "referee")
  const referrerReward = referral.rewards.find((reward) => reward.role === "referrer")
  const variants = variantLabels(referral.variant)
  return (
    <div className="px-6 py-4">
      <div className="mb-2 flex items-center justify-between">
        <Text weight="plus">Referred with {referral.code}</Text>
        <StatusBadge color={statusColor(referral.status)} data-testid="order-referral-status">
          {referral.status}
          {referral.reason ? ` · ${formatReason(referral.reason)}` : ""}
        </StatusBadge>
      </div>
      <Row label="Referrer">
        <AdminLink to={`/customers/${referral.referrer.id}`} data-testid="order-referrer">
          {referrerName(referral.referrer)}
        </AdminLink>
        {referral.referrer.email && referrerName(referral.referrer) !== referral.referrer.email && (
          <Text size="small" className="text-ui-fg-subtle">
            {referral.referrer.email}
          </Text>
        )}
      </Row>
      <Row label="Offer">
        <Text size="small" data-testid="order-arm">
          {referral.arm ? referral.arm.name : "Program default"}
        </Text>
        {referral.arm?.offer && (
          <Text size="small" className="text-ui-fg-subtle">
            Friend {formatOfferSide(referral.arm.offer.referee, "referee")} · referrer{" "}
            {formatOfferSide(referral.arm.offer.referrer, "referrer")}
          </Text>
        )}
      </Row>
      {variants.length > 0 && (
        <Row label="Experiment">
          {variants.map((label) => (
            <Text key={label} size="small" data-testid="order-variant">
              {label}
            </Text>
          ))}
        </Row>
      )}
      <Row label="Friend's discount">
        <Text size="small" data-testid="order-friend-discount">
          {friendReward ? formatMoney(friendReward.amount, friendReward.currency_code) : "–"}
        </Text>
      </Row>
      <Row label="Referrer reward">
        <ReferrerReward reward={referrerReward} />
      </Row>
      {(referral.flags ?? []).length > 0 && (
        <Row label="Fraud flags">
          <ReferralFlags flags={referral.flags} testId="order-flags" />
        </Row>
      )}
    </div>
  )
}

const Refusals = ({ attempts }: { attempts: OrderReferralAttempt[] }) => (
  <div className="px-6 py-4" data-testid="order-refusals">
    <Text weight="plus" className="mb-2">
      Refused codes ({attempts.length})
    </Text>
    {attempts.map((attempt) => (
      <div key={attempt.id} className="flex flex-col gap-y-1 py-1" data-testid={`order-refusal-${attempt.id}`}>
        <div className="flex items-center justify-between">
          <Text size="small">{attempt.code}</Text>
          <StatusBadge color="red">{formatReason(attempt.reason)}</StatusBadge>
        </div>
        <ReferralFlags flags={attempt.flags} />
      </div>
    ))}
  </div>
)

/** On an order: whether a referral brought it, whose, with which offer, the reward it holds, and refused codes. */
const OrderReferralWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const query = useOrderReferral(order.id)
  return (
    <Container className="divide-y p-0" data-testid="order-referral">
      <div className="px-6 py-4">
        <Heading level="h2">Referral</Heading>
      </div>
      <QueryState query={query} loading="Loading referral…" errorTitle="Referral data could not be loaded">
        {({ referral, attempts }) => (
          <>
            {referral ? (
              <ReferralDetails referral={referral} />
            ) : (
              <Text size="small" className="px-6 py-4 text-ui-fg-subtle" data-testid="order-not-referred">
                This order was not referred.
              </Text>
            )}
            {attempts.length > 0 && <Refusals attempts={attempts} />}
          </>
        )}
      </QueryState>
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderReferralWidget
