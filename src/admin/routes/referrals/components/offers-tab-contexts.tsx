import { Badge, Heading, Table, Text } from "@medusajs/ui"
import type { IncentiveArm } from "../../../hooks/incentive-arms"
import { formatCount, formatPercent } from "../../../lib/format"

type ArmContext = IncentiveArm["contexts"][number]

const SIZES: Record<string, string> = { small: "small", typical: "typical", large: "large" }

/** "new_large_later" as "First order, large · asked later"; "regular" and "vip" as they are. */
const describeTier = (tier: ArmContext["value_tier"]) => {
  const [stage, size, later] = tier.split("_")
  if (stage !== "new") {
    return tier === "vip" ? "VIP" : "Regular"
  }
  return `First order, ${SIZES[size] ?? size}${later ? " · asked later" : " · at purchase"}`
}

const ContextTable = ({ arm }: { arm: IncentiveArm }) => (
  <div className="flex flex-col gap-y-2" data-testid={`arm-contexts-${arm.id}`}>
    <Text size="small" weight="plus">
      {arm.name}
    </Text>
    <Table>
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Propensity</Table.HeaderCell>
          <Table.HeaderCell>Customer</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Pulls</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Converted / not</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Conversion (mean)</Table.HeaderCell>
          <Table.HeaderCell className="text-right">95% interval</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {arm.contexts.map((context) => (
          <Table.Row key={context.context_key} data-testid={`arm-context-${arm.id}-${context.context_key}`}>
            <Table.Cell>{context.propensity_band}</Table.Cell>
            <Table.Cell>
              <div className="flex items-center gap-x-1">
                {describeTier(context.value_tier)}
                {context.super_connector && <Badge size="2xsmall">super-connector</Badge>}
              </div>
            </Table.Cell>
            <Table.Cell className="text-right">{formatCount(context.pulls)}</Table.Cell>
            <Table.Cell className="text-right">
              {formatCount(context.successes)} / {formatCount(context.failures)}
            </Table.Cell>
            <Table.Cell className="text-right" data-value={context.mean}>
              {formatPercent(context.mean)}
            </Table.Cell>
            <Table.Cell className="text-right" data-value={`${context.interval[0]},${context.interval[1]}`}>
              {formatPercent(context.interval[0])} – {formatPercent(context.interval[1])}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  </div>
)

/**
 * Per arm, what the bandit has learned in each context it has asked in: the
 * counts there, and the conversion it samples from (the context's own record
 * pooled toward the arm's overall one, so thin contexts lean on the overall rate).
 */
export const OffersContexts = ({ arms }: { arms: IncentiveArm[] }) => {
  const learned = arms.filter((arm) => arm.contexts.length > 0)
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="offers-contexts">
      <div>
        <Heading level="h3">What was learned, per context</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          Each customer is asked in a context: propensity band, what kind of customer (a first order small, typical or
          large against your average order in its currency, asked at purchase or later; regular; VIP) and whether they
          are a super-connector. Contexts with little data lean on the offer's overall conversion.
        </Text>
      </div>
      {learned.length ? (
        learned.map((arm) => <ContextTable key={arm.id} arm={arm} />)
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          Nothing yet: contexts appear once offers have been made in them.
        </Text>
      )}
    </div>
  )
}
