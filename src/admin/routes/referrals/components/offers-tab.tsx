import { Badge, Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { errorMessage, QueryState } from "../../../components/query-state"
import { type IncentiveArm, useIncentiveArms, useUpdateIncentiveArm } from "../../../hooks/incentive-arms"
import { formatCount, formatDecimal, formatOfferSide, formatPercent } from "../../../lib/format"
import { OffersContexts } from "./offers-tab-contexts"
import { OffersTiming } from "./offers-tab-timing"
import { OfferFormDrawer } from "./offers-tab-form"

const sides = (arm: IncentiveArm) => ({
  referee: formatOfferSide(
    { type: arm.referee_type, value: arm.referee_value, currency_code: arm.referee_currency_code },
    "referee"
  ),
  referrer: formatOfferSide(
    { type: arm.referrer_type, value: arm.referrer_value, currency_code: arm.referrer_currency_code },
    "referrer"
  ),
})

const ArmRow = ({ arm, onEdit }: { arm: IncentiveArm; onEdit: () => void }) => {
  const update = useUpdateIncentiveArm()
  const { referee, referrer } = sides(arm)

  const toggle = () =>
    update.mutate(
      { id: arm.id, active: !arm.active },
      {
        onSuccess: () =>
          toast.success(arm.active ? `"${arm.name}" withdrawn: its codes now give the default offer` : `"${arm.name}" activated`),
        onError: (e) => toast.error(errorMessage(e) ?? "The offer could not be changed"),
      }
    )

  const makeDefault = () =>
    update.mutate(
      { id: arm.id, is_default: true },
      {
        onSuccess: () => toast.success(`"${arm.name}" is now the default offer; the previous one can be deactivated`),
        onError: (e) => toast.error(errorMessage(e) ?? "The offer could not be made the default"),
      }
    )

  return (
    <Table.Row data-testid={`arm-row-${arm.id}`}>
      <Table.Cell>
        <div className="flex flex-col py-2">
          <Text size="small" weight="plus">
            {arm.name} {arm.is_default && <Badge size="2xsmall">default</Badge>}
          </Text>
          <Text size="xsmall" className="text-ui-fg-subtle">
            Friend: {referee} · Referrer: {referrer}
          </Text>
        </div>
      </Table.Cell>
      <Table.Cell>
        <StatusBadge color={arm.active ? "green" : "grey"} data-testid={`arm-status-${arm.id}`}>
          {arm.active ? "active" : "inactive"}
        </StatusBadge>
      </Table.Cell>
      <Table.Cell className="text-right" data-testid={`arm-pulls-${arm.id}`} data-value={arm.stats.pulls}>
        {arm.stats.pulls}
      </Table.Cell>
      <Table.Cell className="text-right" data-testid={`arm-outcomes-${arm.id}`}>
        {formatCount(arm.stats.successes)} / {formatCount(arm.stats.failures)}
      </Table.Cell>
      <Table.Cell className="text-right" data-testid={`arm-mean-${arm.id}`} data-value={arm.posterior.mean}>
        {formatPercent(arm.posterior.mean)}
      </Table.Cell>
      <Table.Cell
        className="text-right"
        data-testid={`arm-ci-${arm.id}`}
        data-value={`${arm.posterior.ci95[0]},${arm.posterior.ci95[1]}`}
      >
        {formatPercent(arm.posterior.ci95[0])} – {formatPercent(arm.posterior.ci95[1])}
      </Table.Cell>
      {/* No value where the offer lists no amount in the store's currency: it is not made there. */}
      <Table.Cell className="text-right" data-testid={`arm-cost-${arm.id}`} data-value={arm.value?.expected_cost}>
        {arm.value ? formatDecimal(arm.value.expected_cost) : "–"}
      </Table.Cell>
      <Table.Cell className="text-right" data-testid={`arm-net-${arm.id}`} data-value={arm.value?.expected_net_value}>
        {arm.value ? (
          <span className={arm.value.expected_net_value < 0 ? "text-ui-fg-error" : undefined}>
            {formatDecimal(arm.value.expected_net_value)}
          </span>
        ) : (
          "–"
        )}
      </Table.Cell>
      <Table.Cell>
        <div className="flex justify-end gap-x-2">
          <Button size="small" variant="secondary" onClick={onEdit} data-testid={`arm-edit-${arm.id}`}>
            Edit
          </Button>
          {arm.active && !arm.is_default && (
            <Button size="small" variant="secondary" onClick={makeDefault} isLoading={update.isPending} data-testid={`arm-default-${arm.id}`}>
              Make default
            </Button>
          )}
          {/* The default offer is what withdrawn offers fall back to, so it stays on. */}
          {!(arm.is_default && arm.active) && (
            <Button
              size="small"
              variant={arm.active ? "danger" : "secondary"}
              onClick={toggle}
              isLoading={update.isPending}
              data-testid={`arm-toggle-${arm.id}`}
            >
              {arm.active ? "Deactivate" : "Activate"}
            </Button>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

/**
 * The offers the bandit chooses between: what each has learned (pulls,
 * converted / not, posterior conversion with its 95% interval) and what it is
 * worth (expected cost per conversion, expected net value per offer made).
 */
// The value model is in the store's default currency (named in the text above), each figure in its units.
export const OffersTab = () => {
  const arms = useIncentiveArms()
  const [form, setForm] = useState<{ arm?: IncentiveArm } | null>(null)

  return (
    <Container className="divide-y p-0" data-testid="offers-tab">
      <div className="flex items-start justify-between gap-x-4 px-6 py-4">
        <div>
          <Heading level="h2">Offers</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            The bandit offers each customer the incentive most likely to pay for itself: conversion × (margin − cost),
            in the currency the customer shops in.
            {arms.data &&
              ` Shown in ${arms.data.economics.currency_code.toUpperCase()}, your store's default currency: an average order of ${formatDecimal(arms.data.economics.average_order_value)} and a margin of ${formatPercent(
                arms.data.economics.expected_margin_rate,
                0
              )} (${formatDecimal(arms.data.economics.expected_margin)} per conversion).`}
          </Text>
        </div>
        <Button size="small" variant="secondary" className="shrink-0" onClick={() => setForm({})} data-testid="arm-create">
          Create offer
        </Button>
      </div>
      <QueryState
        query={arms}
        loading="Loading offers…"
        errorTitle="Offers could not be loaded"
        empty="No offers yet"
        emptyDescription="Create one; the default offer appears once the program first runs."
        isEmpty={(data) => data.arms.length === 0}
      >
        {(data) => (
          <>
            <div className="overflow-x-auto">
              <Table>
                <Table.Header>
                  <Table.Row>
                    <Table.HeaderCell>Offer</Table.HeaderCell>
                    <Table.HeaderCell>Status</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Pulls</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Converted / not</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Conversion (mean)</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">95% interval</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Cost per conversion</Table.HeaderCell>
                    <Table.HeaderCell className="text-right">Net value per offer</Table.HeaderCell>
                    <Table.HeaderCell />
                  </Table.Row>
                </Table.Header>
                <Table.Body>
                  {data.arms.map((arm) => (
                    <ArmRow key={arm.id} arm={arm} onEdit={() => setForm({ arm })} />
                  ))}
                </Table.Body>
              </Table>
            </div>
            <OffersContexts arms={data.arms} />
            <OffersTiming />
          </>
        )}
      </QueryState>
      {form && (
        <OfferFormDrawer
          key={form.arm?.id ?? "new"}
          arm={form.arm}
          open
          onOpenChange={(open) => !open && setForm(null)}
        />
      )}
    </Container>
  )
}
