import { Badge, Container, Heading, StatusBadge, Table, Text, Tooltip as UiTooltip } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { QueryState } from "../../../components/query-state"
import { useExperimentResults, type VariantResult } from "../../../hooks/referral-experiments"
import { formatCount, formatDate, formatDecimal, formatMoney, formatPercent } from "../../../lib/format"

const moneyList = (amounts: { amount: number; currency_code: string }[]) =>
  amounts.length ? amounts.map((m) => formatMoney(m.amount, m.currency_code)).join(", ") : "–"

/** Percentage points with a sign: +2.5 pp. */
const formatPoints = (difference: number) => `${difference >= 0 ? "+" : ""}${(difference * 100).toFixed(1)} pp`

const Comparison = ({ variant }: { variant: VariantResult }) => {
  const vs = variant.vs_control
  if (!vs) {
    return <Text size="small" className="text-ui-fg-muted">–</Text>
  }
  const significant = vs.p_value < 0.05
  return (
    <div className="flex flex-col items-end" data-testid={`experiment-variant-diff-${variant.key}`}>
      <Text size="small" weight="plus">
        {formatPoints(vs.difference)}
      </Text>
      <Text size="xsmall" className="text-ui-fg-subtle">
        95% CI {formatPoints(vs.ci95[0])} to {formatPoints(vs.ci95[1])}
      </Text>
      <UiTooltip content={`Two-proportion z = ${vs.z.toFixed(2)}`}>
        <Badge size="2xsmall" color={significant ? (vs.difference > 0 ? "green" : "red") : "grey"}>
          p = {vs.p_value < 0.001 ? "<0.001" : vs.p_value.toFixed(3)}
          {significant ? " · significant" : ""}
        </Badge>
      </UiTooltip>
    </div>
  )
}

/** Per variant: the funnel, K and money, the difference in referral rate against the control, and P(best). */
export const ExperimentResults = ({ experimentId }: { experimentId: string }) => {
  const query = useExperimentResults(experimentId)
  return (
    <Container className="flex flex-col gap-y-4 p-0" data-testid="experiment-results">
      <QueryState query={query} loading="Computing results…" errorTitle="Results could not be computed">
        {({ results }) => {
          const { experiment, variants } = results
          const chart = variants.map((v) => ({ key: v.key, rate: v.referral_rate ?? 0, best: v.probability_best }))
          return (
            <>
              <div className="flex items-start justify-between gap-x-4 px-6 pt-4">
                <div>
                  <Heading level="h2">Results: {experiment.name}</Heading>
                  <Text size="small" className="text-ui-fg-subtle">
                    {experiment.dimension} experiment · {formatDate(experiment.started_at)} –{" "}
                    {experiment.stopped_at ? formatDate(experiment.stopped_at) : "now"} · control{" "}
                    <span className="font-medium">{experiment.control_key}</span>. Referral rate = share of assigned
                    customers with a converted referral; K = conversions per assigned customer.
                  </Text>
                </div>
                <StatusBadge color={experiment.status === "running" ? "green" : "grey"}>{experiment.status}</StatusBadge>
              </div>
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Variant</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Customers</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Asked</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Referrers</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Conversions</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Referral rate</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">K</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Revenue</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Incentive cost</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Net value</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">vs control</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">P(best)</Table.HeaderCell>
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {variants.map((variant) => (
                    <Table.Row key={variant.key} data-testid={`experiment-variant-row-${variant.key}`}>
                      <Table.Cell>
                        <div className="flex items-center gap-x-1">
                          <Text size="small" weight="plus">
                            {variant.key}
                          </Text>
                          {variant.key === experiment.control_key && (
                            <Badge size="2xsmall" color="blue">
                              control
                            </Badge>
                          )}
                        </div>
                        <Text size="xsmall" className="text-ui-fg-subtle">
                          {variant.kind.replace(/_/g, " ")}
                        </Text>
                      </Table.Cell>
                      <Table.Cell className="text-right" data-testid={`experiment-variant-customers-${variant.key}`}>
                        {formatCount(variant.customers)}
                      </Table.Cell>
                      <Table.Cell className="text-right">{formatCount(variant.asked)}</Table.Cell>
                      <Table.Cell className="text-right">{formatCount(variant.referrers)}</Table.Cell>
                      <Table.Cell className="text-right" data-testid={`experiment-variant-conversions-${variant.key}`}>
                        {formatCount(variant.conversions)}
                      </Table.Cell>
                      <Table.Cell className="text-right" data-testid={`experiment-variant-rate-${variant.key}`}>
                        {formatPercent(variant.referral_rate)}
                      </Table.Cell>
                      <Table.Cell className="text-right" data-testid={`experiment-variant-k-${variant.key}`}>
                        {formatDecimal(variant.k, 3)}
                      </Table.Cell>
                      <Table.Cell className="text-right">{moneyList(variant.revenue)}</Table.Cell>
                      <Table.Cell className="text-right">{moneyList(variant.incentive_cost)}</Table.Cell>
                      <Table.Cell className="text-right">{moneyList(variant.net_value)}</Table.Cell>
                      <Table.Cell className="text-right">
                        <Comparison variant={variant} />
                      </Table.Cell>
                      <Table.Cell className="text-right" data-testid={`experiment-variant-pbest-${variant.key}`}>
                        {formatPercent(variant.probability_best)}
                      </Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
              <div className="h-48 w-full px-6 pb-4">
                <ResponsiveContainer width="100%" height="100%">
                  <BarChart data={chart} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
                    <XAxis dataKey="key" tick={{ fontSize: 12 }} />
                    <YAxis tick={{ fontSize: 12 }} tickFormatter={(value) => formatPercent(Number(value), 0)} />
                    <Tooltip formatter={(value) => formatPercent(Number(value))} />
                    <Legend wrapperStyle={{ fontSize: 12 }} />
                    <Bar dataKey="rate" name="Referral rate" fill="var(--tag-blue-icon)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
                    <Bar dataKey="best" name="P(best)" fill="var(--tag-green-icon)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </>
          )
        }}
      </QueryState>
    </Container>
  )
}
