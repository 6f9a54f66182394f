import { ExclamationCircle, Spinner } from "@medusajs/icons"
import { Button, Skeleton, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * Loading / empty / error states shared by the referral widgets and the Referrals page,
 * so no section is ever blank while its data loads or after a failed request.
 */

export const LoadingState = ({ label = "Loading…", rows = 3 }: { label?: string; rows?: number }) => (
  <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="state-loading" aria-busy="true">
    <div className="flex items-center gap-x-2 text-ui-fg-subtle">
      <Spinner className="animate-spin" />
      <Text size="small">{label}</Text>
    </div>
    {Array.from({ length: rows }, (_, i) => (
      <Skeleton key={i} className="h-5 w-full" />
    ))}
  </div>
)

export const EmptyState = ({ title, description }: { title: ReactNode; description?: ReactNode }) => (
  <div className="flex flex-col items-center gap-y-1 px-6 py-8 text-center" data-testid="state-empty">
    <Text weight="plus" size="small">
      {title}
    </Text>
    {description && (
      <Text size="small" className="text-ui-fg-subtle">
        {description}
      </Text>
    )}
  </div>
)

/** The API's own message (FetchError.message) is what a person can act on, so it is shown as is. */
export const ErrorState = ({
  error,
  title = "Could not load this data",
  onRetry,
}: {
  error?: unknown
  title?: string
  onRetry?: () => void
}) => (
  <div className="flex items-start gap-x-2 px-6 py-4" data-testid="state-error" role="alert">
    <ExclamationCircle className="mt-0.5 text-ui-fg-error" />
    <div className="flex flex-col gap-y-1">
      <Text weight="plus" size="small" className="text-ui-fg-error">
        {title}
      </Text>
      {errorMessage(error) && (
        <Text size="small" className="text-ui-fg-subtle">
          {errorMessage(error)}
        </Text>
      )}
      {onRetry && (
        <Button size="small" variant="secondary" className="w-fit" onClick={onRetry}>
          Retry
        </Button>
      )}
    </div>
  </div>
)

export const errorMessage = (error: unknown): string | undefined =>
  error instanceof Error ? error.message : typeof error === "string" ? error : undefined

/** The subset of a react-query result QueryState needs. */
type QueryLike<T> = {
  data: T | undefined
  isLoading: boolean
  isError: boolean
  error: unknown
  refetch?: () => unknown
}

/**
 * Renders loading, error or empty state for a query, else `children(data)`.
 * `isEmpty` decides emptiness (default: an empty array); pass `empty` to enable the empty state.
 */
export function QueryState<T>({
  query,
  children,
  loading,
  empty,
  emptyDescription,
  isEmpty = (data: T) => Array.isArray(data) && data.length === 0,
  errorTitle,
}: {
  query: QueryLike<T>
  children: (data: T) => ReactNode
  loading?: string
  empty?: ReactNode
  emptyDescription?: ReactNode
  isEmpty?: (data: T) => boolean
  errorTitle?: string
}) {
  if (query.isLoading) {
    return <LoadingState label={loading} />
  }
  if (query.isError || query.data === undefined) {
    return (
      <ErrorState
        error={query.error}
        title={errorTitle}
        onRetry={query.refetch ? () => void query.refetch?.() : undefined}
      />
    )
  }
  if (empty !== undefined && isEmpty(query.data)) {
    return <EmptyState title={empty} description={emptyDescription} />
  }
  return <>{children(query.data)}</>
}
