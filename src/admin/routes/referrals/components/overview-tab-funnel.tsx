import { Container, Heading, Text } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { LoopFunnel } from "../../../hooks/referral-metrics"
import { formatCount, formatPercent } from "../../../lib/format"

/** The loop's stages in order, keyed by the API's funnel field names. */
const STAGES: { key: keyof LoopFunnel; label: string }[] = [
  { key: "prompts_created", label: "Prompts" },
  { key: "shares", label: "Shares" },
  { key: "clicks", label: "Clicks" },
  { key: "codes_applied", label: "Codes applied" },
  { key: "conversions", label: "First orders" },
  { key: "activated", label: "Activated" },
]

/** Prompts → shares → clicks → codes applied → first orders → activated, as a chart and as the API's exact counts. */
export const OverviewFunnel = ({ funnel }: { funnel: LoopFunnel }) => {
  const data = STAGES.map(({ key, label }) => ({ key, label, count: funnel[key] ?? 0 }))
  return (
    <Container className="flex flex-col gap-y-4 px-6 py-4" data-testid="overview-funnel">
      <div>
        <Heading level="h2">Funnel</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          From asking customers to friends who order again;{" "}
          <span data-testid="funnel-prompts_shown" data-value={funnel.prompts_shown}>
            {formatCount(funnel.prompts_shown)}
          </span>{" "}
          prompts were shown.
        </Text>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
        {STAGES.map(({ key, label }, i) => {
          const previous = i > 0 ? funnel[STAGES[i - 1].key] : null
          const count = funnel[key]
          return (
            <div key={key} className="rounded-md border border-ui-border-base px-3 py-2">
              <Text size="xsmall" className="text-ui-fg-subtle">
                {label}
              </Text>
              <Text size="xlarge" weight="plus" data-testid={`funnel-${key}`} data-value={count ?? ""}>
                {formatCount(count)}
              </Text>
              {previous ? (
                <Text size="xsmall" className="text-ui-fg-muted">
                  {formatPercent(count === null ? null : count / previous)} of previous
                </Text>
              ) : null}
            </div>
          )
        })}
      </div>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip formatter={(value) => formatCount(Number(value))} />
            <Bar dataKey="count" name="Count" fill="var(--tag-blue-icon)" radius={[4, 4, 0, 0]} isAnimationActive={false}>
              <LabelList dataKey="count" position="top" fontSize={12} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </Container>
  )
}
