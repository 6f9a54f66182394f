import { Alert, Badge, Button, Container, Heading, Table, Text, clx, toast } from "@medusajs/ui"
import { useState } from "react"
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import { EmptyState, QueryState } from "../../../components/query-state"
import { customerLabel, useCustomerNames } from "../../../hooks/customer-names"
import {
  useComputeReferralNetwork,
  useReferralNetwork,
  type NetworkComputation,
  type ReferralNetwork,
} from "../../../hooks/referral-network"
import { formatCount, formatDateTime, formatDecimal } from "../../../lib/format"
import { NetworkTree } from "./network-tab-tree"
import { AdminLink } from "../../../components/admin-link"

const TOP_LIMIT = 20

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <div className="rounded-md border border-ui-border-base px-3 py-2">
    <Text size="xsmall" className="text-ui-fg-subtle">
      {label}
    </Text>
    <Text size="large" weight="plus" data-testid={testId}>
      {value}
    </Text>
  </div>
)

const ComputeResult = ({ result }: { result: NetworkComputation }) => (
  <Alert variant="success" dismissible data-testid="network-compute-outcome">
    Recomputed {formatCount(result.customers)} customers and {formatCount(result.referrals)} referrals in{" "}
    {formatCount(result.compute_ms)} ms: {formatCount(result.super_connectors.length)} super-connector
    {result.super_connectors.length === 1 ? "" : "s"}.
  </Alert>
)

/** Friends of friends per referrer, from the API's list of second-generation links. */
const secondGenerationCounts = (network: ReferralNetwork) => {
  const friends = new Map<string, Set<string>>()
  for (const link of network.second_generation) {
    const set = friends.get(link.referrer) ?? new Set<string>()
    set.add(link.friend)
    friends.set(link.referrer, set)
  }
  return (customerId: string) => friends.get(customerId)?.size ?? 0
}

const DepthChart = ({ network }: { network: ReferralNetwork }) => (
  <div className="flex flex-col gap-y-2" data-testid="network-depths">
    <Text size="small" weight="plus">
      Customers by depth (0 = started a chain, 1 = referred by them, …)
    </Text>
    <div className="h-40 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={network.depth_distribution} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="var(--border-base)" />
          <XAxis dataKey="depth" tick={{ fontSize: 12 }} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => formatCount(Number(value))} labelFormatter={(depth) => `Depth ${depth}`} />
          <Bar dataKey="customers" name="Customers" fill="var(--tag-purple-icon)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  </div>
)

const Connectors = ({
  network,
  selected,
  onSelect,
}: {
  network: ReferralNetwork
  selected: string | null
  onSelect: (customerId: string) => void
}) => {
  const names = useCustomerNames(network.top_connectors.map((row) => row.customer_id))
  const secondGeneration = secondGenerationCounts(network)
  if (network.top_connectors.length === 0) {
    return (
      <EmptyState
        title="No referrers in the network yet"
        description="Once friends convert, recompute the network (it also runs nightly)."
      />
    )
  }
  return (
    <Table data-testid="network-connectors">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Customer</Table.HeaderCell>
          <Table.HeaderCell className="text-right">PageRank</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Direct</Table.HeaderCell>
          <Table.HeaderCell className="text-right">2nd generation</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Whole tree</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Generations</Table.HeaderCell>
          <Table.HeaderCell>Flag</Table.HeaderCell>
          <Table.HeaderCell />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {network.top_connectors.map((row) => (
          <Table.Row
            key={row.customer_id}
            data-testid={`network-row-${row.customer_id}`}
            className={clx(selected === row.customer_id && "bg-ui-bg-highlight")}
          >
            <Table.Cell>
              <AdminLink to={`/customers/${row.customer_id}`}>
                {customerLabel(names.data, row.customer_id)}
              </AdminLink>
            </Table.Cell>
            <Table.Cell className="text-right" data-testid={`network-pagerank-${row.customer_id}`}>
              {formatDecimal(row.pagerank, 4)}
            </Table.Cell>
            <Table.Cell className="text-right" data-testid={`network-direct-${row.customer_id}`}>
              {formatCount(row.out_degree)}
            </Table.Cell>
            <Table.Cell className="text-right" data-testid={`network-second-${row.customer_id}`}>
              {formatCount(secondGeneration(row.customer_id))}
            </Table.Cell>
            <Table.Cell className="text-right" data-testid={`network-descendants-${row.customer_id}`}>
              {formatCount(row.descendants)}
            </Table.Cell>
            <Table.Cell className="text-right">{formatCount(row.generations)}</Table.Cell>
            <Table.Cell>
              {row.super_connector && (
                <Badge size="2xsmall" color="purple" data-testid={`network-super-${row.customer_id}`}>
                  Super-connector
                </Badge>
              )}
            </Table.Cell>
            <Table.Cell className="text-right">
              <Button
                size="small"
                variant="transparent"
                onClick={() => onSelect(row.customer_id)}
                data-testid={`network-tree-${row.customer_id}`}
              >
                Show tree
              </Button>
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** The referral network: who drives it (super-connectors by PageRank), how deep it goes, and anyone's tree. */
export const NetworkTab = () => {
  const query = useReferralNetwork(TOP_LIMIT)
  const compute = useComputeReferralNetwork()
  const [selected, setSelected] = useState<string | null>(null)
  const [depth, setDepth] = useState(3)

  const recompute = () =>
    compute.mutate(undefined, {
      onSuccess: (network) => toast.success(`Network recomputed: ${network.customers} customers`),
      onError: (error) => toast.error(error.message),
    })

  // Without a choice, the tree shows the top connector's.
  const treeCustomer = selected ?? query.data?.network.top_connectors[0]?.customer_id ?? null

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="flex flex-col gap-y-4 p-0">
        <div className="flex items-start justify-between gap-x-4 px-6 pt-4">
          <div>
            <Heading level="h2">Referral network</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Super-connectors first, then by PageRank (how central a customer is in who-brought-whom). Recomputed nightly.
            </Text>
          </div>
          <Button
            size="small"
            variant="secondary"
            onClick={recompute}
            isLoading={compute.isPending}
            data-testid="network-recompute"
          >
            Recompute
          </Button>
        </div>
        {(compute.data || compute.isError) && (
          <div className="px-6">
            {compute.data && <ComputeResult result={compute.data} />}
            {compute.isError && (
              <Alert variant="error" data-testid="network-compute-error">
                {compute.error.message}
              </Alert>
            )}
          </div>
        )}
        <QueryState query={query} loading="Loading the network…" errorTitle="The network could not be loaded">
          {({ network }) => (
            <div className="flex flex-col gap-y-4 pb-4">
              <div className="grid grid-cols-1 gap-3 px-6 md:grid-cols-3">
                <Figure label="Customers in the network" value={formatCount(network.customers)} testId="network-customers" />
                <Figure
                  label="Super-connectors"
                  value={formatCount(network.super_connector_count)}
                  testId="network-super-connector-count"
                />
                <Figure
                  label="Computed"
                  value={network.computed_at ? formatDateTime(network.computed_at) : "never"}
                  testId="network-computed-at"
                />
              </div>
              {network.depth_distribution.length > 0 && (
                <div className="px-6">
                  <DepthChart network={network} />
                </div>
              )}
              <Connectors network={network} selected={treeCustomer} onSelect={setSelected} />
            </div>
          )}
        </QueryState>
      </Container>
      <NetworkTree customerId={treeCustomer} depth={depth} onDepthChange={setDepth} onFocus={setSelected} />
    </div>
  )
}
