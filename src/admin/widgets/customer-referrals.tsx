import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useCustomerPropensity, useCustomerReferrals } from "../hooks/customer-referrals"

const bandColor = { high: "green", medium: "orange", low: "grey" } as const

const PropensitySection = ({ customerId }: { customerId: string }) => {
  const { data, isLoading, isError } = useCustomerPropensity(customerId)
  if (isLoading) {
    return <Text className="px-6 py-4 text-ui-fg-subtle">Scoring propensity…</Text>
  }
  if (isError || !data) {
    return <Text className="px-6 py-4 text-ui-fg-error">Propensity could not be scored.</Text>
  }
  const { propensity } = data
  return (
    <div className="px-6 py-4">
      <div className="flex items-center justify-between">
        <Text weight="plus">Propensity to refer {Math.round(propensity.score * 100)}%</Text>
        <StatusBadge color={bandColor[propensity.band]}>{propensity.band}</StatusBadge>
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {propensity.model_kind === "heuristic"
          ? "Cold start: scored by the heuristic until enough customers have referred"
          : `Model v${propensity.model_version}`}
        {propensity.top_features.length
          ? ` · driven by ${propensity.top_features.map((f) => f.feature.replace(/_/g, " ")).join(", ")}`
          : ""}
      </Text>
    </div>
  )
}

const statusColor = (status: string) =>
  ({ rewarded: "green", issued: "green", converted: "blue", held: "orange", pending: "orange", review: "purple" } as const)[
    status
  ] ?? ("grey" as const)

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat(undefined, { style: "currency", currency: currency.toUpperCase() }).format(amount)

const CustomerReferralsWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const { data, isLoading, isError } = useCustomerReferrals(customer.id)

  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Referrals</Heading>
      </div>
      {isLoading && <Text className="px-6 py-4 text-ui-fg-subtle">Loading referrals…</Text>}
      {isError && <Text className="px-6 py-4 text-ui-fg-error">Referral data could not be loaded.</Text>}
      <PropensitySection customerId={customer.id} />
      {data && (
        <>
          <div className="px-6 py-4">
            {data.referral_code ? (
              <>
                <Text weight="plus">{data.referral_code.code}</Text>
                <Text size="small" className="text-ui-fg-subtle">
                  {data.referral_code.share_url} · used {data.referral_code.uses}×
                </Text>
              </>
            ) : (
              <Text className="text-ui-fg-subtle">No referral code yet.</Text>
            )}
          </div>
          <div className="px-6 py-4">
            <Text weight="plus" className="mb-2">
              Referrals made ({data.referrals.length})
            </Text>
            {data.referrals.length === 0 && <Text className="text-ui-fg-subtle">None yet.</Text>}
            {data.referrals.map((referral) => (
              <div key={referral.id} className="flex items-center justify-between py-1">
                <Text size="small">{referral.referee_email ?? "guest"}</Text>
                <StatusBadge color={statusColor(referral.status)}>
                  {referral.status}
                  {referral.reason ? ` · ${referral.reason}` : ""}
                </StatusBadge>
              </div>
            ))}
          </div>
          <div className="px-6 py-4">
            <Text weight="plus" className="mb-2">
              Rewards ({data.rewards.length})
            </Text>
            {data.rewards.length === 0 && <Text className="text-ui-fg-subtle">None yet.</Text>}
            {data.rewards.map((reward) => (
              <div key={reward.id} className="flex items-center justify-between py-1">
                <Text size="small">
                  {reward.kind === "discount" ? "Friend discount" : "Referrer reward"} ·{" "}
                  {money(Number(reward.amount), reward.currency_code)}
                </Text>
                <StatusBadge color={statusColor(reward.status)}>
                  {reward.status}
                  {reward.status === "held" && reward.release_at
                    ? ` until ${new Date(reward.release_at).toLocaleDateString()}`
                    : ""}
                </StatusBadge>
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
