import { Badge, Button, Container, Heading, StatusBadge, Table, Text, clx, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { QueryState } from "../../../components/query-state"
import { useReferralExperiments, useStopReferralExperiment, type ReferralExperiment } from "../../../hooks/referral-experiments"
import { formatDate } from "../../../lib/format"
import { CreateExperimentModal } from "./experiments-tab-create"
import { ExperimentResults } from "./experiments-tab-results"

const ExperimentRow = ({
  experiment,
  selected,
  onShowResults,
}: {
  experiment: ReferralExperiment
  selected: boolean
  onShowResults: () => void
}) => {
  const stop = useStopReferralExperiment()
  const confirm = usePrompt()

  const stopExperiment = async () => {
    const confirmed = await confirm({
      title: `Stop "${experiment.name}"?`,
      description: "Customers stop being assigned and every variant goes back to the normal policy. Results stay available.",
      confirmText: "Stop experiment",
      cancelText: "Keep running",
    })
    if (!confirmed) {
      return
    }
    stop.mutate(experiment.id, {
      onSuccess: () => toast.success(`Experiment "${experiment.name}" stopped`),
      onError: (error) => toast.error(error.message),
    })
  }

  return (
    <Table.Row data-testid={`experiment-row-${experiment.id}`} className={clx(selected && "bg-ui-bg-highlight")}>
      <Table.Cell>
        <Text size="small" weight="plus">
          {experiment.name}
        </Text>
      </Table.Cell>
      <Table.Cell>{experiment.dimension}</Table.Cell>
      <Table.Cell>
        <StatusBadge color={experiment.status === "running" ? "green" : "grey"} data-testid={`experiment-status-${experiment.id}`}>
          {experiment.status}
        </StatusBadge>
      </Table.Cell>
      <Table.Cell>
        <div className="flex flex-wrap gap-1">
          {experiment.variants.map((variant) => (
            <Badge key={variant.id} size="2xsmall" color={variant.key === experiment.control_key ? "blue" : "grey"}>
              {variant.key}
              {variant.weight !== 1 ? ` ×${variant.weight}` : ""}
              {variant.key === experiment.control_key ? " (control)" : ""}
            </Badge>
          ))}
        </div>
      </Table.Cell>
      <Table.Cell>{formatDate(experiment.started_at)}</Table.Cell>
      <Table.Cell>{experiment.stopped_at ? formatDate(experiment.stopped_at) : "–"}</Table.Cell>
      <Table.Cell className="text-right">
        <div className="flex justify-end gap-x-1">
          <Button
            size="small"
            variant="transparent"
            onClick={onShowResults}
            data-testid={`experiment-results-${experiment.id}`}
          >
            Results
          </Button>
          {experiment.status === "running" && (
            <Button
              size="small"
              variant="danger"
              onClick={stopExperiment}
              isLoading={stop.isPending}
              data-testid={`experiment-stop-${experiment.id}`}
            >
              Stop
            </Button>
          )}
        </div>
      </Table.Cell>
    </Table.Row>
  )
}

/** A/B tests of the loop: list, start, stop, and per-variant results against the control. */
export const ExperimentsTab = () => {
  const query = useReferralExperiments()
  const [selected, setSelected] = useState<string | null>(null)
  // Without a choice, the newest experiment's results are shown.
  const shown = selected ?? query.data?.experiments[0]?.id ?? null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0" data-testid="experiments">
        <div className="flex items-start justify-between gap-x-4 px-6 py-4">
          <div>
            <Heading level="h2">Experiments</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Test the policy (bandit, fixed offer, holdout) or the message (LLM, template); one experiment per
              dimension at a time.
            </Text>
          </div>
          <CreateExperimentModal />
        </div>
        <QueryState
          query={query}
          loading="Loading experiments…"
          errorTitle="Experiments could not be loaded"
          empty="No experiments yet"
          emptyDescription="Create one to measure what the referral loop really adds."
          isEmpty={(data) => data.experiments.length === 0}
        >
          {({ experiments }) => (
            <Table>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell>Name</Table.HeaderCell>
                  <Table.HeaderCell>Dimension</Table.HeaderCell>
                  <Table.HeaderCell>Status</Table.HeaderCell>
                  <Table.HeaderCell>Variants</Table.HeaderCell>
                  <Table.HeaderCell>Started</Table.HeaderCell>
                  <Table.HeaderCell>Stopped</Table.HeaderCell>
                  <Table.HeaderCell />
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {experiments.map((experiment) => (
                  <ExperimentRow
                    key={experiment.id}
                    experiment={experiment}
                    selected={shown === experiment.id}
                    onShowResults={() => setSelected(experiment.id)}
                  />
                ))}
              </Table.Body>
            </Table>
          )}
        </QueryState>
      </Container>
      {shown && <ExperimentResults experimentId={shown} />}
    </div>
  )
}
