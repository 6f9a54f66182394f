import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Copy, Heading, StatusBadge, Text, Tooltip } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ErrorState, LoadingState, QueryState } from "../components/query-state"
import { ReferralFlags } from "../components/referral-flags"
import { RevokeReward } from "../components/revoke-reward"
import {
  useCustomerMoments,
  useCustomerPropensity,
  useCustomerNotifications,
  useCustomerReferrals,
  type CustomerNotification,
  type CustomerNetworkRow,
  type CustomerPrompt,
  type CustomerReferrals,
} from "../hooks/customer-referrals"
import { formatDate, formatMoney, formatOfferSide, formatPercent, formatReason } from "../lib/format"

const bandColor = { high: "green", medium: "orange", low: "grey" } as const

const statusColor = (status: string) =>
  ({ rewarded: "green", issued: "green", converted: "blue", held: "orange", issuing: "orange", pending: "orange",
    review: "purple", rejected: "red", revoking: "red", revoked: "red", open: "green" } as const)[status] ?? ("grey" as const)

const SectionTitle = ({ children }: { children: ReactNode }) => (
  <Text weight="plus" className="mb-2">
    {children}
  </Text>
)

const PropensitySection = ({ customerId }: { customerId: string }) => {
  const query = useCustomerPropensity(customerId)
  return (
    <div data-testid="customer-propensity">
      <QueryState query={query} loading="Scoring propensity…" errorTitle="Propensity could not be scored">
        {({ propensity }) => (
          <div className="px-6 py-4">
            <div className="flex items-center justify-between">
              <Text weight="plus">
                Propensity to refer <span data-testid="customer-propensity-score">{formatPercent(propensity.score, 0)}</span>
              </Text>
              <StatusBadge color={bandColor[propensity.band]} data-testid="customer-propensity-band">
                {propensity.band}
              </StatusBadge>
            </div>
            <Text size="small" className="text-ui-fg-subtle">
              {propensity.model_kind === "heuristic"
                ? "Cold start: scored by the heuristic until enough customers have referred"
                : `Model v${propensity.model_version}`}
            </Text>
            {propensity.top_features.length > 0 && (
              <div className="mt-2 flex flex-col gap-y-0.5" data-testid="customer-propensity-features">
                {propensity.top_features.map((feature) => (
                  <div key={feature.feature} className="flex items-center justify-between">
                    <Text size="small">
                      {feature.feature.replace(/_/g, " ")}{" "}
                      <span className="text-ui-fg-subtle">
                        = {Number.isFinite(feature.value) ? Number(feature.value.toFixed(2)) : "missing"}
                      </span>
                    </Text>
                    <Text size="small" className={feature.contribution >= 0 ? "text-ui-fg-interactive" : "text-ui-fg-error"}>
                      {feature.contribution >= 0 ? "+" : ""}
                      {feature.contribution.toFixed(3)}
                    </Text>
                  </div>
                ))}
              </div>
            )}
          </div>
        )}
      </QueryState>
    </div>
  )
}

const NetworkSection = ({ network }: { network: CustomerNetworkRow | null }) => (
  <div className="px-6 py-4" data-testid="customer-network">
    <div className="flex items-center justify-between">
      <SectionTitle>Referral network</SectionTitle>
      {network?.super_connector ? (
        <Badge color="purple" size="small" data-testid="customer-super-connector">
          Super-connector
        </Badge>
      ) : null}
    </div>
    {network ? (
      <Text size="small" className="text-ui-fg-subtle">
        {network.out_degree} direct · {network.descendants} in their tree · {network.generations} generation
        {network.generations === 1 ? "" : "s"} · PageRank {network.pagerank.toFixed(4)} · as of{" "}
        {formatDate(network.computed_at)}
      </Text>
    ) : (
      <Text size="small" className="text-ui-fg-subtle">
        Not in the network yet (it is computed nightly or from Referrals › Network).
      </Text>
    )}
  </div>
)

const livePrompt = (prompts: CustomerPrompt[]) =>
  prompts.find((prompt) => prompt.status === "open" && new Date(prompt.expires_at).getTime() > Date.now())

const PromptSection = ({ prompts }: { prompts: CustomerPrompt[] }) => {
  const live = livePrompt(prompts)
  return (
    <div className="px-6 py-4" data-testid="customer-prompt">
      <SectionTitle>Live prompt</SectionTitle>
      {live ? (
        <div className="flex flex-col gap-y-1">
          <div className="flex items-center justify-between">
            <Text size="small" weight="plus" data-testid="customer-prompt-arm">
              {live.arm?.name ?? live.arm_id}
            </Text>
            <Text size="small" className="text-ui-fg-subtle">
              until {formatDate(live.expires_at)}
            </Text>
          </div>
          {live.arm?.offer && (
            <Text size="small" className="text-ui-fg-subtle" data-testid="customer-prompt-offer">
              Friend {formatOfferSide(live.arm.offer.referee, "referee")} · they earn{" "}
              {formatOfferSide(live.arm.offer.referrer, "referrer")}
            </Text>
          )}
          <Text size="small" className="italic">
            “{live.message}”
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {live.message_source === "llm" ? "Written by the LLM" : "Template message"}
            {live.message_fallback_reason ? ` (fallback: ${formatReason(live.message_fallback_reason)})` : ""}
            {live.probability !== null ? ` · chosen with probability ${formatPercent(live.probability)}` : ""}
          </Text>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          No live prompt.
          {prompts[0] ? ` Last one ${prompts[0].status}, ${formatDate(prompts[0].created_at)}.` : ""}
        </Text>
      )}
    </div>
  )
}

const MomentsSection = ({ customerId }: { customerId: string }) => {
  const query = useCustomerMoments(customerId)
  return (
    <div data-testid="customer-moments">
      <QueryState query={query} loading="Loading viral moments…" errorTitle="Viral moments could not be loaded">
        {({ moments, count }) => (
          <div className="px-6 py-4">
            <SectionTitle>
              Viral moments ({count})
            </SectionTitle>
            {moments.length === 0 && (
              <Text size="small" className="text-ui-fg-subtle">
                None evaluated yet.
              </Text>
            )}
            {moments.map((moment) => (
              <div key={moment.id} className="flex flex-col py-1" data-testid={`customer-moment-${moment.id}`}>
                <div className="flex items-center justify-between">
                  <Tooltip content={`Signals: ${moment.signals?.fired?.join(", ") || "none"}`}>
                    <Text size="small">
                      {formatReason(moment.trigger)} · score {moment.score.toFixed(2)}
                    </Text>
                  </Tooltip>
                  <StatusBadge color={moment.decision === "prompted" ? "green" : "grey"}>{moment.decision}</StatusBadge>
                </div>
                <Text size="small" className="text-ui-fg-subtle">
                  {formatDate(moment.created_at)}
                  {moment.decision === "suppressed" && moment.reason ? ` · ${formatReason(moment.reason)}` : ""}
                </Text>
              </div>
            ))}
          </div>
        )}
      </QueryState>
    </div>
  )
}

const KIND_LABELS: Record<CustomerNotification["kind"], string> = {
  ask: "Invitation to refer",
  friend_joined: "A friend joined",
  reward_issued: "Reward paid",
  reward_revoked: "Reward taken back",
  offer_expiring: "Offer ending soon",
}

/** The referral emails sent to this customer, from Medusa's own notification records. */
const NotificationsSection = ({ customerId }: { customerId: string }) => {
  const query = useCustomerNotifications(customerId)
  return (
    <div data-testid="customer-notifications">
      <QueryState query={query} loading="Loading notifications…" errorTitle="Notifications could not be loaded">
        {({ notifications }) => (
          <div className="px-6 py-4">
            <SectionTitle>Notifications sent ({notifications.length})</SectionTitle>
            {notifications.length === 0 && (
              <Text size="small" className="text-ui-fg-subtle">
                None yet.
              </Text>
            )}
            {notifications.map((notification) => (
              <div key={notification.id} className="flex items-center justify-between py-1" data-testid={`customer-notification-${notification.id}`}>
                <Text size="small">
                  {KIND_LABELS[notification.kind]} · {notification.channel} · {formatDate(notification.created_at)}
                </Text>
                <StatusBadge color={notification.status === "success" ? "green" : notification.status === "failure" ? "red" : "grey"}>
                  {notification.status}
                </StatusBadge>
              </div>
            ))}
          </div>
        )}
      </QueryState>
    </div>
  )
}

const CodeSection = ({ code }: { code: CustomerReferrals["referral_code"] }) => (
  <div className="px-6 py-4" data-testid="customer-referral-code">
    {code ? (
      <>
        <div className="flex items-center gap-x-2">
          <Text weight="plus">{code.code}</Text>
          <Copy content={code.code} />
          {code.status !== "active" && <StatusBadge color="grey">{code.status}</StatusBadge>}
        </div>
        <div className="flex items-center gap-x-1">
          <Text size="small" className="break-all text-ui-fg-subtle">
            {code.share_url}
          </Text>
          <Copy content={code.share_url} />
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          used {code.uses}×
        </Text>
      </>
    ) : (
      <Text className="text-ui-fg-subtle">No referral code yet.</Text>
    )}
  </div>
)

const CustomerReferralsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError, error, refetch } = useCustomerReferrals(customer.id)

  return (
    <Container className="divide-y p-0" data-testid="customer-referrals">
      <div className="px-6 py-4">
        <Heading level="h2">Referrals</Heading>
      </div>
      {isLoading && <LoadingState label="Loading referrals…" />}
      {isError && <ErrorState error={error} title="Referral data could not be loaded" onRetry={() => refetch()} />}
      {data && <CodeSection code={data.referral_code} />}
      <PropensitySection customerId={customer.id} />
      {data && (
        <>
          <NetworkSection network={data.network ?? null} />
          <PromptSection prompts={data.prompts ?? []} />
        </>
      )}
      <MomentsSection customerId={customer.id} />
      <NotificationsSection customerId={customer.id} />
      {data && (
        <>
          <div className="px-6 py-4" data-testid="customer-referrals-made">
            <SectionTitle>Referrals made ({data.referrals.length})</SectionTitle>
            {data.referrals.length === 0 && <Text className="text-ui-fg-subtle">None yet.</Text>}
            {data.referrals.map((referral) => (
              <div key={referral.id} className="flex flex-col gap-y-1 py-1" data-testid={`customer-referral-${referral.id}`}>
                <div className="flex items-center justify-between">
                  <Text size="small">{referral.referee_email ?? "guest"}</Text>
                  <StatusBadge color={statusColor(referral.status)}>
                    {referral.status}
                    {referral.reason ? ` · ${formatReason(referral.reason)}` : ""}
                  </StatusBadge>
                </div>
                <ReferralFlags flags={referral.flags} />
              </div>
            ))}
          </div>
          <div className="px-6 py-4" data-testid="customer-rewards">
            <SectionTitle>Rewards ({data.rewards.length})</SectionTitle>
            {data.rewards.length === 0 && <Text className="text-ui-fg-subtle">None yet.</Text>}
            {data.rewards.map((reward) => (
              <div key={reward.id} className="flex items-center justify-between py-1" data-testid={`customer-reward-${reward.id}`}>
                <Text size="small">
                  {reward.role === "referee" ? "Their discount as a referred friend" : "Referrer reward"} ·{" "}
                  {formatMoney(reward.amount, reward.currency_code)}
                </Text>
                <div className="flex flex-col items-end gap-y-1">
                  <StatusBadge color={statusColor(reward.status)}>
                    {reward.status}
                    {reward.status === "held" && reward.release_at ? ` until ${formatDate(reward.release_at)}` : ""}
                  </StatusBadge>
                  {(reward.status === "revoked" || reward.status === "revoking") && reward.note && (
                    <Text size="small" className="text-ui-fg-subtle" data-testid={`customer-reward-note-${reward.id}`}>
                      {formatReason(reward.note)}
                    </Text>
                  )}
                  {reward.role === "referrer" && (reward.status === "held" || reward.status === "issued") && (
                    <RevokeReward rewardId={reward.id} />
                  )}
                </div>
              </div>
            ))}
          </div>
        </>
      )}
    </Container>
  )
}

export const config = defineWidgetConfig({ zone: "customer.details.side.after" })

export default CustomerReferralsWidget
