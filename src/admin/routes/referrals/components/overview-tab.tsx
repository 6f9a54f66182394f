import { Container, Heading, Input, Label, Select, Text } from "@medusajs/ui"
import { useState } from "react"
import { ErrorState, LoadingState } from "../../../components/query-state"
import { type LoopMetricsQuery, type LoopRates, useLoopMetrics, useStoreCurrencies } from "../../../hooks/referral-metrics"
import { formatDecimal, formatPercent } from "../../../lib/format"
import { OverviewEconomics } from "./overview-tab-economics"
import { OverviewFunnel } from "./overview-tab-funnel"
import { OverviewTrends } from "./overview-tab-trends"
import { DAY_MS } from "../../../../types"

const ALL_CURRENCIES = "all"

/** "YYYY-MM-DD" of a moment, in the admin's own time zone (what an <input type="date"> shows). */
const toDateInput = (value: string | Date) => {
  const date = new Date(value)
  const pad = (n: number) => String(n).padStart(2, "0")
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** Local midnight of a "YYYY-MM-DD" day. */
const startOfDay = (day: string) => {
  const [y, m, d] = day.split("-").map(Number)
  return new Date(y, m - 1, d)
}

/**
 * The chosen days as the API's window [from, to): the "to" day is included, so
 * the window ends at the next midnight. Nothing chosen: the API's default, the
 * last 30 days up to now.
 */
const windowQuery = (range: { from?: string; to?: string }): Pick<LoopMetricsQuery, "from" | "to"> => ({
  from: range.from ? startOfDay(range.from).toISOString() : undefined,
  to: range.to ? new Date(startOfDay(range.to).getTime() + DAY_MS).toISOString() : undefined,
})

const Rate = ({ label, testId, value, children }: { label: string; testId: string; value: number | null; children: string }) => (
  <div className="rounded-md border border-ui-border-base px-3 py-2">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="xlarge" weight="plus" data-testid={testId} data-value={value ?? ""}>
      {children}
    </Text>
  </div>
)

const OverviewRates = ({ rates }: { rates: LoopRates }) => (
  <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="overview-rates">
    <Heading level="h2">Growth</Heading>
    <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
      <Rate label="Viral coefficient K" testId="metric-k" value={rates.k}>
        {formatDecimal(rates.k, 3)}
      </Rate>
      <Rate label="Referral rate (prompted)" testId="metric-referral-rate" value={rates.referral_rate_prompted}>
        {formatPercent(rates.referral_rate_prompted)}
      </Rate>
      <Rate label="Referral rate (ordering)" testId="metric-referral-rate-active" value={rates.referral_rate_active}>
        {formatPercent(rates.referral_rate_active)}
      </Rate>
      <Rate label="Invitation acceptance" testId="metric-acceptance" value={rates.acceptance}>
        {formatPercent(rates.acceptance)}
      </Rate>
      <Rate label="Friends activated" testId="metric-activation-rate" value={rates.activation_rate}>
        {formatPercent(rates.activation_rate)}
      </Rate>
      <Rate label="Cycle time" testId="metric-cycle-time" value={rates.cycle_time_days}>
        {rates.cycle_time_days === null ? "–" : `${formatDecimal(rates.cycle_time_days, 1)} days`}
      </Rate>
    </div>
  </Container>
)

/** The loop at a glance for a window and currency: funnel, K and referral rate by week, cost against revenue. */
export const OverviewTab = () => {
  const [range, setRange] = useState<{ from?: string; to?: string }>({})
  const [chosenCurrency, setChosenCurrency] = useState<string>()
  const currencies = useStoreCurrencies()

  // Until the admin picks a currency, ask for all: the economics list the currencies that have any.
  const currency = chosenCurrency ?? ALL_CURRENCIES
  const query: LoopMetricsQuery = {
    ...windowQuery(range),
    currency_code: currency === ALL_CURRENCIES ? undefined : currency,
  }
  const totals = useLoopMetrics(query)
  const weekly = useLoopMetrics({ ...query, group_by: "week" })

  const all = totals.data?.groups[0]
  const currencyOptions = [
    ...new Set([
      ...(currencies.data ?? []).map((c) => c.code),
      ...(all?.economics ?? []).map((e) => e.currency_code),
      ...(currency === ALL_CURRENCIES ? [] : [currency]),
    ]),
  ].sort()

  return (
    <div className="flex flex-col gap-y-3" data-testid="overview-tab">
      <Container className="flex flex-wrap items-end gap-4 px-6 py-4">
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="overview-from">
            From
          </Label>
          <Input
            id="overview-from"
            type="date"
            size="small"
            data-testid="range-from"
            value={range.from ?? (totals.data ? toDateInput(totals.data.from) : "")}
            onChange={(e) => setRange((r) => ({ ...r, from: e.target.value || undefined }))}
          />
        </div>
        <div className="flex flex-col gap-y-1">
          <Label size="small" htmlFor="overview-to">
            To (inclusive)
          </Label>
          <Input
            id="overview-to"
            type="date"
            size="small"
            data-testid="range-to"
            value={range.to ?? (totals.data ? toDateInput(totals.data.to) : "")}
            onChange={(e) => setRange((r) => ({ ...r, to: e.target.value || undefined }))}
          />
        </div>
        <div className="flex min-w-[160px] flex-col gap-y-1">
          <Label size="small">Currency</Label>
          <Select size="small" value={currency} onValueChange={setChosenCurrency}>
            <Select.Trigger data-testid="currency-select">
              <Select.Value placeholder="Currency" />
            </Select.Trigger>
            <Select.Content>
              <Select.Item value={ALL_CURRENCIES} data-testid="currency-option-all">
                All currencies
              </Select.Item>
              {currencyOptions.map((code) => (
                <Select.Item key={code} value={code} data-testid={`currency-option-${code}`}>
                  {code.toUpperCase()}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {range.from || range.to ? "" : "Last 30 days"}
        </Text>
      </Container>

      {totals.isLoading ? (
        <Container className="p-0">
          <LoadingState label="Computing loop metrics…" rows={6} />
        </Container>
      ) : totals.isError || !all ? (
        <Container className="p-0">
          <ErrorState error={totals.error} title="Loop metrics could not be computed" onRetry={() => totals.refetch()} />
        </Container>
      ) : (
        <>
          <OverviewFunnel funnel={all.funnel} />
          <OverviewRates rates={all.rates} />
          {weekly.isLoading ? (
            <Container className="p-0">
              <LoadingState label="Loading weekly trends…" />
            </Container>
          ) : weekly.isError || !weekly.data ? (
            <Container className="p-0">
              <ErrorState error={weekly.error} title="Weekly trends could not be computed" onRetry={() => weekly.refetch()} />
            </Container>
          ) : (
            <OverviewTrends weeks={weekly.data.groups} />
          )}
          <OverviewEconomics
            totals={all.economics}
            weeks={weekly.data?.groups}
            currency={currency !== ALL_CURRENCIES ? currency : all.economics.length === 1 ? all.economics[0].currency_code : null}
          />
        </>
      )}
    </div>
  )
}
