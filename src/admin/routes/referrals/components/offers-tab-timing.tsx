import { Heading, Table, Text } from "@medusajs/ui"
import { useMomentTiming, type MomentTimingSummary } from "../../../hooks/moment-timing"
import { formatCount, formatDecimal, formatPercent, formatReason } from "../../../lib/format"

const CUSTOMERS = { first: "First order", returning: "Returning" }

const ContextRows = ({ context, minEvidence }: { context: MomentTimingSummary["contexts"][number]; minEvidence: number }) => (
  <>
    {context.moments.map((moment) => (
      <Table.Row key={`${context.context}-${moment.moment}`} data-testid={`timing-${context.context}-${moment.moment}`}>
        <Table.Cell>{context.propensity_band}</Table.Cell>
        <Table.Cell>{CUSTOMERS[context.customer]}</Table.Cell>
        <Table.Cell>{formatReason(moment.moment)}</Table.Cell>
        <Table.Cell className="text-right">
          {formatDecimal(moment.asks, 1)}
          {moment.asks < minEvidence && <span className="text-ui-fg-muted"> (learning)</span>}
        </Table.Cell>
        <Table.Cell className="text-right" data-value={moment.mean}>
          {formatDecimal(moment.mean, 3)}
        </Table.Cell>
        <Table.Cell className="text-right" data-value={`${moment.interval[0]},${moment.interval[1]}`}>
          {formatDecimal(moment.interval[0], 3)} – {formatDecimal(moment.interval[1], 3)}
        </Table.Cell>
      </Table.Row>
    ))}
  </>
)

/**
 * When to ask: per context, the realised value of an ask at each kind of
 * moment, and how often customers reach the later moments. A moment that
 * would ask waits for a later one when the later one's value, discounted by
 * its reach, beats asking now.
 */
export const OffersTiming = () => {
  const { data } = useMomentTiming()
  if (!data) {
    return null
  }
  return (
    <div className="flex flex-col gap-y-4 px-6 py-4" data-testid="offers-timing">
      <div>
        <Heading level="h3">When to ask, per context</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The value of an ask (the offer's realised success share, 0–1) at each kind of moment, with its 90% interval.
          A moment waits for a later one only once both have {data.min_evidence} asks in the context and the later one,
          discounted by how often customers reach it within {data.cycle_days} days, is worth more.
        </Text>
      </div>
      {data.contexts.length ? (
        <Table>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Propensity</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Moment</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Asks</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Value (mean)</Table.HeaderCell>
              <Table.HeaderCell className="text-right">90% interval</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data.contexts.map((context) => (
              <ContextRows key={context.context} context={context} minEvidence={data.min_evidence} />
            ))}
          </Table.Body>
        </Table>
      ) : (
        <Text size="small" className="text-ui-fg-muted">
          Nothing yet: asks appear here once their outcomes settle.
        </Text>
      )}
      {data.reach.length > 0 && (
        <Text size="small" className="text-ui-fg-subtle" data-testid="timing-reach">
          Reached within {data.cycle_days} days:{" "}
          {data.reach
            .map((r) => `${formatReason(r.from)} → ${formatReason(r.to)} ${formatPercent(r.of ? r.reached / r.of : null)} (${formatCount(r.of)})`)
            .join(" · ")}
        </Text>
      )}
    </div>
  )
}
