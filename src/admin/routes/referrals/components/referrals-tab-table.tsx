import {
  Container,
  createDataTableColumnHelper,
  createDataTableFilterHelper,
  DataTable,
  type DataTableFilteringState,
  type DataTablePaginationState,
  Heading,
  Text,
  useDataTable,
} from "@medusajs/ui"
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react"
import { ErrorState } from "../../../components/query-state"
import { useIncentiveArms } from "../../../hooks/incentive-arms"
import { type AdminReferral, REFERRAL_STATUSES, type ReferralStatus, useReferrals } from "../../../hooks/referrals"
import { formatDate, formatMoney } from "../../../lib/format"
import { ReferralStatusBadge } from "./referrals-tab-status"
import { AdminLink } from "../../../components/admin-link"

const PAGE_SIZE = 20

/**
 * DataTable renders its own <tr> without passing attributes through, so the
 * first cell marks its row with `data-testid="referral-row-<id>"` for tests.
 */
const RowMarker = ({ id, children }: { id: string; children: ReactNode }) => {
  const ref = useRef<HTMLSpanElement>(null)
  useLayoutEffect(() => {
    ref.current?.closest("tr")?.setAttribute("data-testid", `referral-row-${id}`)
  }, [id])
  return <span ref={ref}>{children}</span>
}

/** The offer's name (the arms list is one cached request), its id until that loads. */
const ArmName = ({ id }: { id: string | null }) => {
  const arms = useIncentiveArms()
  if (!id) {
    return <>–</>
  }
  return <>{arms.data?.arms.find((arm) => arm.id === id)?.name ?? id}</>
}

const columnHelper = createDataTableColumnHelper<AdminReferral>()

const columns = [
  columnHelper.accessor("code", {
    header: "Code",
    cell: ({ row }) => <RowMarker id={row.original.id}>{row.original.code}</RowMarker>,
  }),
  columnHelper.accessor("referee_email", {
    header: "Friend",
    cell: ({ getValue }) => getValue() ?? "guest",
  }),
  columnHelper.accessor("status", {
    header: "Status",
    cell: ({ row }) => <ReferralStatusBadge referral={row.original} />,
  }),
  columnHelper.accessor("reason", {
    header: "Reason",
    cell: ({ getValue }) => getValue() ?? "–",
  }),
  columnHelper.accessor("order_id", {
    header: "Order",
    cell: ({ row }) =>
      row.original.order_id ? (
        <AdminLink to={`/orders/${row.original.order_id}`}>
          {row.original.order_total !== null && row.original.currency_code
            ? formatMoney(row.original.order_total, row.original.currency_code)
            : "View order"}
        </AdminLink>
      ) : (
        "–"
      ),
  }),
  columnHelper.accessor("arm_id", {
    header: "Offer",
    cell: ({ getValue }) => <ArmName id={getValue()} />,
  }),
  columnHelper.accessor("created_at", {
    header: "Created",
    cell: ({ getValue }) => formatDate(getValue()),
  }),
]

const filterHelper = createDataTableFilterHelper<AdminReferral>()

const filters = [
  filterHelper.accessor("status", {
    type: "multiselect",
    label: "Status",
    options: REFERRAL_STATUSES.map((status) => ({ label: status, value: status })),
  }),
]

/** Every referral, newest first, filtered by status and paged on the server. */
export const ReferralsTable = () => {
  const [pagination, setPagination] = useState<DataTablePaginationState>({ pageIndex: 0, pageSize: PAGE_SIZE })
  const [filtering, setFiltering] = useState<DataTableFilteringState>({})

  const status = useMemo(() => {
    const value = filtering.status
    return (Array.isArray(value) ? value : value ? [value] : []) as ReferralStatus[]
  }, [filtering])

  const query = useReferrals({
    limit: pagination.pageSize,
    offset: pagination.pageIndex * pagination.pageSize,
    status,
  })

  const table = useDataTable({
    columns,
    data: query.data?.referrals ?? [],
    getRowId: (referral) => referral.id,
    rowCount: query.data?.count ?? 0,
    isLoading: query.isLoading,
    filters,
    filtering: { state: filtering, onFilteringChange: setFiltering },
    pagination: { state: pagination, onPaginationChange: setPagination },
  })

  return (
    <Container className="divide-y p-0" data-testid="referrals-table">
      <DataTable instance={table}>
        <DataTable.Toolbar className="flex items-start justify-between gap-2 px-6 py-4">
          <div>
            <Heading level="h2">All referrals</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Every use of a referral code, newest first.
            </Text>
          </div>
          <DataTable.FilterMenu tooltip="Filter by status" />
        </DataTable.Toolbar>
        {query.isError ? (
          <ErrorState error={query.error} title="Referrals could not be loaded" onRetry={() => query.refetch()} />
        ) : (
          <DataTable.Table
            emptyState={{
              empty: { heading: "No referrals yet", description: "They appear when a friend applies a referral code." },
              filtered: { heading: "No referrals match", description: "Try other statuses." },
            }}
          />
        )}
        <DataTable.Pagination />
      </DataTable>
    </Container>
  )
}
