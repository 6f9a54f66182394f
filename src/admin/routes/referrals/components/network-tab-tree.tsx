import { Badge, Button, Container, Heading, Select, Text } from "@medusajs/ui"
import { QueryState } from "../../../components/query-state"
import { customerLabel, useCustomerNames, type CustomerName } from "../../../hooks/customer-names"
import { useReferralTree, type ReferralTreeNode } from "../../../hooks/referral-network"
import { AdminLink } from "../../../components/admin-link"

const DEPTHS = [1, 2, 3, 4, 5]

const treeIds = (node: ReferralTreeNode): string[] => [node.customer_id, ...node.children.flatMap(treeIds)]

const countBelow = (node: ReferralTreeNode): number =>
  node.children.reduce((sum, child) => sum + 1 + countBelow(child), 0)

/** One customer and, indented under them, the friends they brought (recursively). */
const TreeNode = ({
  node,
  names,
  level,
  onFocus,
}: {
  node: ReferralTreeNode
  names: Map<string, CustomerName> | undefined
  level: number
  onFocus: (customerId: string) => void
}) => (
  <li data-testid={`network-tree-node-${node.customer_id}`} data-level={level}>
    <div className="flex flex-wrap items-center gap-x-2 py-1">
      <AdminLink to={`/customers/${node.customer_id}`}>
        {customerLabel(names, node.customer_id)}
      </AdminLink>
      {node.children.length > 0 && (
        <Badge size="2xsmall" color="blue">
          {node.children.length} direct · {countBelow(node)} below
        </Badge>
      )}
      {node.truncated && (
        <Button size="small" variant="transparent" onClick={() => onFocus(node.customer_id)}>
          More below: show their tree
        </Button>
      )}
    </div>
    {node.children.length > 0 && (
      <ul className="ml-2 border-l border-ui-border-base pl-4">
        {node.children.map((child) => (
          <TreeNode key={child.customer_id} node={child} names={names} level={level + 1} onFocus={onFocus} />
        ))}
      </ul>
    )}
  </li>
)

/** The referral tree of the selected customer, `depth` levels deep, as a nested list. */
export const NetworkTree = ({
  customerId,
  depth,
  onDepthChange,
  onFocus,
}: {
  customerId: string | null
  depth: number
  onDepthChange: (depth: number) => void
  onFocus: (customerId: string) => void
}) => {
  const query = useReferralTree(customerId, depth)
  const names = useCustomerNames(query.data ? treeIds(query.data.tree) : [])
  return (
    <Container className="flex flex-col gap-y-3 px-6 py-4" data-testid="network-tree">
      <div className="flex items-start justify-between gap-x-4">
        <div>
          <Heading level="h2">Referral tree</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            {customerId
              ? "Friends the customer brought, and the friends those brought (converted referrals)."
              : "Choose a customer in the table above to see who they brought in."}
          </Text>
        </div>
        <div className="w-32">
          <Select value={String(depth)} onValueChange={(value) => onDepthChange(Number(value))}>
            <Select.Trigger data-testid="network-tree-depth">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {DEPTHS.map((d) => (
                <Select.Item key={d} value={String(d)}>
                  {d} {d === 1 ? "level" : "levels"}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
      </div>
      {customerId && (
        <QueryState query={query} loading="Loading the tree…" errorTitle="The tree could not be loaded">
          {({ tree }) =>
            tree.children.length === 0 ? (
              <Text size="small" className="text-ui-fg-subtle" data-testid="network-tree-empty">
                {customerLabel(names.data, tree.customer_id)} has not brought in a converted friend yet.
              </Text>
            ) : (
              <ul>
                <TreeNode node={tree} names={names.data} level={0} onFocus={onFocus} />
              </ul>
            )
          }
        </QueryState>
      )}
    </Container>
  )
}
