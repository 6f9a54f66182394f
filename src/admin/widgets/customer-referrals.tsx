import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Container, Heading, StatusBadge, Text } from "@medusajs/ui"
import { useCustomerReferrals } from "../hooks/customer-referrals"

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
