import { Container, Heading, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { LoopEconomics, LoopMetricsGroup } from "../../../hooks/referral-metrics"
import { formatCount, formatMoney, formatPercent } from "../../../lib/format"
import { EmptyState } from "../../../components/query-state"

/** What the API would answer for a currency with no incentives and no referred orders in the window. */
const nothingIn = (currency_code: string): LoopEconomics => ({
  currency_code,
  incentive_cost: 0,
  referred_first_order_revenue: 0,
  referred_customer_revenue: 0,
  acquired: 0,
  cost_per_acquired: null,
  roi: null,
})

const Figure = ({ label, testId, value, children }: { label: string; testId: string; value: number | null; children: string }) => (
  <div className="rounded-md border border-ui-border-base px-3 py-2">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" data-testid={testId} data-value={value ?? ""}>
      {children}
    </Text>
  </div>
)

/** Cost, revenue, CPA and ROI in one currency; test ids get a `-<currency>` suffix when several currencies show. */
const CurrencyFigures = ({ economics, suffix }: { economics: LoopEconomics; suffix: string }) => {
  const money = (amount: number | null) => (amount === null ? "–" : formatMoney(amount, economics.currency_code))
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-6" data-testid={`economics${suffix || "-selected"}`}>
      <Figure label="Incentive cost" testId={`metric-cost${suffix}`} value={economics.incentive_cost}>
        {money(economics.incentive_cost)}
      </Figure>
      <Figure label="Referred revenue" testId={`metric-revenue${suffix}`} value={economics.referred_customer_revenue}>
        {money(economics.referred_customer_revenue)}
      </Figure>
      <Figure
        label="First-order revenue"
        testId={`metric-first-order-revenue${suffix}`}
        value={economics.referred_first_order_revenue}
      >
        {money(economics.referred_first_order_revenue)}
      </Figure>
      <Figure label="Customers acquired" testId={`metric-acquired${suffix}`} value={economics.acquired}>
        {formatCount(economics.acquired)}
      </Figure>
      <Figure label="Cost per acquired (CPA)" testId={`metric-cpa${suffix}`} value={economics.cost_per_acquired}>
        {money(economics.cost_per_acquired)}
      </Figure>
      <Figure label="ROI" testId={`metric-roi${suffix}`} value={economics.roi}>
        {formatPercent(economics.roi)}
      </Figure>
    </div>
  )
}

const CostRevenueChart = ({ data, currency }: { data: { label: string; cost: number; revenue: number }[]; currency?: string }) => (
  <div className="h-64 w-full">
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis tick={{ fontSize: 12 }} />
        <Tooltip formatter={(value) => (currency ? formatMoney(Number(value), currency) : formatCount(Number(value)))} />
        <Legend />
        <Bar dataKey="cost" name="Incentive cost" fill="var(--tag-red-icon)" isAnimationActive={false} />
        <Bar dataKey="revenue" name="Referred revenue" fill="var(--tag-green-icon)" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  </div>
)

/**
 * Incentive cost against referred revenue, with ROI and cost per acquired
 * customer. One currency: its figures and a weekly chart. All currencies:
 * figures per currency and a chart by currency (money is never summed across
 * currencies).
 */
export const OverviewEconomics = ({
  totals,
  weeks,
  currency,
}: {
  totals: LoopEconomics[]
  weeks: LoopMetricsGroup[] | undefined
  currency: string | null
}) => {
  const header = (
    <div>
      <Heading level="h2">Incentive cost vs referred revenue</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Cost: referrer rewards issued and friends' discounts. Revenue: every order, to date, of the friends acquired in
        the window. ROI = (revenue − cost) / cost.
      </Text>
    </div>
  )

  if (currency) {
    const economics = totals.find((e) => e.currency_code === currency) ?? nothingIn(currency)
    const weekly = (weeks ?? []).map((week) => {
      const e = week.economics.find((x) => x.currency_code === currency) ?? nothingIn(currency)
      return { label: week.key ?? "–", cost: e.incentive_cost, revenue: e.referred_customer_revenue }
    })
    return (
      <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="overview-economics">
        {header}
        <CurrencyFigures economics={economics} suffix="" />
        {weekly.some((w) => w.cost || w.revenue) ? (
          <CostRevenueChart data={weekly} currency={currency} />
        ) : (
          <EmptyState title={`No incentives or referred revenue in ${currency.toUpperCase()} in this window`} />
        )}
      </Container>
    )
  }

  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="overview-economics">
      {header}
      {totals.length === 0 ? (
        <EmptyState title="No incentives or referred revenue in this window" />
      ) : (
        <>
          {totals.map((economics) => (
            <div key={economics.currency_code} className="flex flex-col gap-y-2">
              <Text size="small" weight="plus">
                {economics.currency_code.toUpperCase()}
              </Text>
              <CurrencyFigures economics={economics} suffix={`-${economics.currency_code}`} />
            </div>
          ))}
          <CostRevenueChart
            data={totals.map((e) => ({
              label: e.currency_code.toUpperCase(),
              cost: e.incentive_cost,
              revenue: e.referred_customer_revenue,
            }))}
          />
        </>
      )}
    </Container>
  )
}
