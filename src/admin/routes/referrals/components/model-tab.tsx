import { Alert, Badge, Button, Container, Heading, StatusBadge, Table, Text, toast } from "@medusajs/ui"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { EmptyState, QueryState } from "../../../components/query-state"
import {
  usePromotePropensityModel,
  usePropensityModel,
  useTrainPropensityModel,
  type PropensityModelOverview,
  type PropensityModelSummary,
  type TrainingOutcome,
} from "../../../hooks/propensity-model"
import { formatCount, formatDateTime, formatDecimal, formatPercent, formatReason } from "../../../lib/format"

const statusColor = { active: "green", awaiting_confirmation: "orange", rejected: "red", retired: "grey" } as const

const kindLabel = (kind: PropensityModelSummary["kind"]) =>
  kind === "heuristic" ? "Heuristic (cold start)" : "Gradient boosting"

const Figure = ({ label, value, testId, hint }: { label: string; value: string; testId: string; hint?: string }) => (
  <div className="rounded-md border border-ui-border-base px-3 py-2">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" data-testid={testId}>
      {value}
    </Text>
    {hint && (
      <Text size="xsmall" className="text-ui-fg-muted">
        {hint}
      </Text>
    )}
  </div>
)

/** The outcome of the last "Train now": promoted, waiting for confirmation, or kept the active model and why. */
const TrainingResult = ({ outcome }: { outcome: TrainingOutcome }) => (
  <Alert variant={outcome.promoted ? "success" : "warning"} dismissible data-testid="model-train-outcome">
    <Text size="small" weight="plus">
      {outcome.promoted
        ? `Version ${outcome.version} is now active.`
        : outcome.awaiting_confirmation
          ? `Version ${outcome.version} waits for your confirmation.`
          : `Version ${outcome.version} was not promoted.`}
    </Text>
    <Text size="small">
      {kindLabel(outcome.kind)} · AUC {formatDecimal(outcome.auc, 3)} (baseline {formatDecimal(outcome.baseline_auc, 3)}) ·{" "}
      {formatCount(outcome.positives)} positives of {formatCount(outcome.n_train + outcome.n_test)} customers ·{" "}
      {formatCount(outcome.training_ms)} ms
      {outcome.reason ? ` · ${formatReason(outcome.reason)}` : ""}
    </Text>
  </Alert>
)

/**
 * A newer model held back because it would change the share of customers not
 * asked (low propensity) by more than the settings allow: the shares side by
 * side, and a button to promote it anyway.
 */
const AwaitingConfirmation = ({ model }: { model: PropensityModelSummary }) => {
  const promote = usePromotePropensityModel()
  const confirm = () =>
    promote.mutate(model.id, {
      onSuccess: () => toast.success(`Model v${model.version} is now active`),
      onError: (error) => toast.error(error.message),
    })
  return (
    <Alert variant="warning" data-testid="model-awaiting-confirmation">
      <div className="flex flex-col gap-y-2">
        <Text size="small" weight="plus">
          Version {model.version} ({kindLabel(model.kind)}, AUC {formatDecimal(model.auc, 3)}) waits for your confirmation.
        </Text>
        <Text size="small" data-testid="model-awaiting-shares">
          It would leave {formatPercent(model.suppressed_share)} of customers unasked for low propensity, where the
          model in force leaves {formatPercent(model.active_suppressed_share)}.
        </Text>
        {model.reason && <Text size="small">{formatReason(model.reason)}</Text>}
        <div>
          <Button size="small" variant="secondary" onClick={confirm} isLoading={promote.isPending} data-testid="model-promote">
            Promote version {model.version}
          </Button>
        </div>
      </div>
    </Alert>
  )
}

const ActiveModel = ({ overview }: { overview: PropensityModelOverview }) => {
  const active = overview.active
  return (
    <div className="flex flex-col gap-y-3">
      <div className="flex items-center gap-x-2">
        {overview.cold_start ? (
          <Badge color="orange" size="small" data-testid="model-cold-start" data-value="true">
            Cold start: the heuristic scores customers
          </Badge>
        ) : (
          <Badge color="green" size="small" data-testid="model-cold-start" data-value="false">
            Trained model in force
          </Badge>
        )}
      </div>
      {overview.awaiting_confirmation && <AwaitingConfirmation model={overview.awaiting_confirmation} />}
      {active ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-6">
          <Figure label="Active version" value={`v${active.version}`} testId="model-version" hint={kindLabel(active.kind)} />
          <Figure label="AUC" value={formatDecimal(active.auc, 3)} testId="model-auc" hint="on held-out customers" />
          <Figure
            label="Baseline AUC"
            value={formatDecimal(active.baseline_auc, 3)}
            testId="model-baseline-auc"
            hint="logistic regression"
          />
          <Figure label="Trained" value={formatDateTime(active.trained_at)} testId="model-trained-at" />
          <Figure
            label="Positive rate"
            value={formatPercent(active.positive_rate)}
            testId="model-positive-rate"
            hint={`${formatCount(active.positives)} positives · label ${formatReason(active.label)}`}
          />
          <Figure
            label="Customers"
            value={formatCount(active.n_train + active.n_test)}
            testId="model-sample-size"
            hint={`${formatCount(active.n_train)} train · ${formatCount(active.n_test)} test`}
          />
        </div>
      ) : (
        <EmptyState
          title="No model has been trained yet"
          description="Customers are scored by the heuristic. Train now, or wait for the nightly job."
        />
      )}
    </div>
  )
}

/** Feature importances of the active model (or the newest run that has them), largest first. */
const Importances = ({ overview }: { overview: PropensityModelOverview }) => {
  const source = overview.active?.importances ? overview.active : overview.models.find((m) => m.importances)
  const describe = new Map<string, string>(overview.features.map((f) => [f.name, f.description]))
  const data = Object.entries(source?.importances ?? {})
    .map(([feature, importance]) => ({ feature, label: feature.replace(/_/g, " "), importance }))
    .sort((a, b) => b.importance - a.importance)
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="model-importances">
      <div>
        <Heading level="h2">Feature importances</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {source ? `Model v${source.version}: what drives the score most.` : "What drives the score most."}
        </Text>
      </div>
      {data.length === 0 ? (
        <EmptyState title="No importances yet" description="A trained gradient-boosting model reports them." />
      ) : (
        <div className="w-full" style={{ height: Math.max(160, data.length * 28 + 40) }}>
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} layout="vertical" margin={{ top: 0, right: 24, bottom: 0, left: 8 }}>
              <CartesianGrid strokeDasharray="3 3" horizontal={false} stroke="var(--border-base)" />
              <XAxis type="number" tick={{ fontSize: 12 }} tickFormatter={(value) => formatDecimal(Number(value), 2)} />
              <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
              <Tooltip
                formatter={(value) => formatDecimal(Number(value), 4)}
                labelFormatter={(label, payload) => {
                  const feature = payload?.[0]?.payload?.feature as string | undefined
                  return feature ? `${label}: ${describe.get(feature) ?? ""}` : String(label)
                }}
              />
              <Bar dataKey="importance" name="Importance" fill="var(--tag-blue-icon)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </Container>
  )
}

const History = ({ models }: { models: PropensityModelSummary[] }) => (
  <Container className="p-0" data-testid="model-history">
    <div className="px-6 py-4">
      <Heading level="h2">Training runs</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        The latest runs, newest first; a run becomes active only if it is no worse than the model in force, and
        only with your confirmation if it would change the share of customers not asked by too much.
      </Text>
    </div>
    {models.length === 0 ? (
      <EmptyState title="No training runs yet" />
    ) : (
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Version</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
            <Table.HeaderCell>Kind</Table.HeaderCell>
            <Table.HeaderCell>Trained</Table.HeaderCell>
            <Table.HeaderCell className="text-right">AUC</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Baseline</Table.HeaderCell>
            <Table.HeaderCell className="text-right">Positive rate</Table.HeaderCell>
            <Table.HeaderCell>Reason</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {models.map((model) => (
            <Table.Row key={model.id} data-testid={`model-row-${model.version}`}>
              <Table.Cell>v{model.version}</Table.Cell>
              <Table.Cell>
                <StatusBadge color={statusColor[model.status]}>{model.status}</StatusBadge>
              </Table.Cell>
              <Table.Cell>{kindLabel(model.kind)}</Table.Cell>
              <Table.Cell>{formatDateTime(model.trained_at)}</Table.Cell>
              <Table.Cell className="text-right">{formatDecimal(model.auc, 3)}</Table.Cell>
              <Table.Cell className="text-right">{formatDecimal(model.baseline_auc, 3)}</Table.Cell>
              <Table.Cell className="text-right">{formatPercent(model.positive_rate)}</Table.Cell>
              <Table.Cell className="max-w-[320px] whitespace-normal">{formatReason(model.reason)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    )}
  </Container>
)

/** The propensity-to-refer model: the version in force and how well it ranks, what drives it, and "train now". */
export const ModelTab = () => {
  const query = usePropensityModel()
  const train = useTrainPropensityModel()

  const trainNow = () =>
    train.mutate(undefined, {
      onSuccess: (model) =>
        model.promoted
          ? toast.success(`Model v${model.version} trained and promoted`)
          : toast.info(`Model v${model.version} trained, not promoted${model.reason ? `: ${formatReason(model.reason)}` : ""}`),
      onError: (error) => toast.error(error.message),
    })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 px-6 py-4">
        <div className="flex items-start justify-between gap-x-4">
          <div>
            <Heading level="h2">Propensity model</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Scores each customer's likelihood to refer; retrained nightly.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={trainNow} isLoading={train.isPending} data-testid="model-train">
            Train now
          </Button>
        </div>
        {train.data && <TrainingResult outcome={train.data} />}
        {train.isError && (
          <Alert variant="error" data-testid="model-train-error">
            {train.error.message}
          </Alert>
        )}
        <QueryState query={query} loading="Loading the model…" errorTitle="The model could not be loaded">
          {(overview) => <ActiveModel overview={overview} />}
        </QueryState>
      </Container>
      {query.data && (
        <>
          <Importances overview={query.data} />
          <History models={query.data.models} />
        </>
      )}
    </div>
  )
}
