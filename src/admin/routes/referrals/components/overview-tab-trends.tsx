import { Container, Heading, Text } from "@medusajs/ui"
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { LoopMetricsGroup } from "../../../hooks/referral-metrics"
import { formatDecimal, formatPercent } from "../../../lib/format"
import { EmptyState } from "../../../components/query-state"

/** K (left axis) and the referral rates (right axis) per week, from GET /admin/referrals/metrics?group_by=week. */
export const OverviewTrends = ({ weeks }: { weeks: LoopMetricsGroup[] }) => {
  const data = weeks.map((week) => ({
    week: week.key ?? "–",
    k: week.rates.k,
    referral_rate_prompted: week.rates.referral_rate_prompted,
    referral_rate_active: week.rates.referral_rate_active,
  }))
  const anything = data.some((w) => w.k !== null || w.referral_rate_prompted !== null || w.referral_rate_active !== null)
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="overview-trends">
      <div>
        <Heading level="h2">K and referral rate by week</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          K: friends converted per customer prompted that week. Referral rate: customers who shared, of those prompted
          and of those who ordered.
        </Text>
      </div>
      {anything ? (
        <div className="h-64 w-full">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
              <XAxis dataKey="week" tick={{ fontSize: 12 }} />
              <YAxis yAxisId="k" tick={{ fontSize: 12 }} tickFormatter={(v) => formatDecimal(Number(v))} />
              <YAxis
                yAxisId="rate"
                orientation="right"
                tick={{ fontSize: 12 }}
                tickFormatter={(v) => formatPercent(Number(v), 0)}
              />
              <Tooltip
                formatter={(value, name) =>
                  name === "K" ? formatDecimal(value as number | null, 3) : formatPercent(value as number | null)
                }
              />
              <Legend />
              <Line yAxisId="k" type="monotone" dataKey="k" name="K" stroke="var(--tag-purple-icon)" connectNulls dot={{ r: 3 }} isAnimationActive={false} />
              <Line
                yAxisId="rate"
                type="monotone"
                dataKey="referral_rate_prompted"
                name="Referral rate (prompted)"
                stroke="var(--tag-green-icon)"
                connectNulls
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
              <Line
                yAxisId="rate"
                type="monotone"
                dataKey="referral_rate_active"
                name="Referral rate (ordering customers)"
                stroke="var(--tag-orange-icon)"
                connectNulls
                dot={{ r: 3 }}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <EmptyState title="No weekly activity yet" description="K and referral rates appear once customers are prompted." />
      )}
    </Container>
  )
}
