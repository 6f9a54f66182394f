import { Button, Container, Heading, Input, Text, toast } from "@medusajs/ui"
import { useState } from "react"
import { EmptyState, errorMessage, QueryState } from "../../../components/query-state"
import { type AdminReferral, useReferrals, useReviewReferral } from "../../../hooks/referrals"
import { formatDate, formatMoney } from "../../../lib/format"
import { ReferralFlags } from "../../../components/referral-flags"
import { ReferralStatusBadge } from "./referrals-tab-status"

const QUEUE_SIZE = 50

/** One referral waiting for a decision: what is known about it, why it was held, and approve / reject. */
const ReviewItem = ({ referral }: { referral: AdminReferral }) => {
  const review = useReviewReferral()
  const [reason, setReason] = useState("")
  const [error, setError] = useState<string>()

  const decide = (decision: "approve" | "reject") => {
    setError(undefined)
    review.mutate(
      { id: referral.id, decision, reason: reason.trim() || undefined },
      {
        onSuccess: () => {
          toast.success(decision === "approve" ? "Referral approved" : "Referral rejected", {
            description:
              decision === "approve"
                ? `${referral.code}: the conversion counts and the referrer's reward is held.`
                : `${referral.code}: no reward will be created.`,
          })
        },
        onError: (e) => {
          const message = errorMessage(e) ?? "The decision could not be saved"
          setError(message)
          toast.error(message)
        },
      }
    )
  }

  const pending = review.isPending ? review.variables?.decision : undefined
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid={`review-row-${referral.id}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="flex flex-col">
          <Text weight="plus" size="small">
            {referral.code} → {referral.referee_email ?? "guest"}
          </Text>
          <Text size="small" className="text-ui-fg-subtle">
            {referral.order_id ? `Order ${referral.order_id}` : "No order yet"}
            {referral.order_total !== null && referral.currency_code
              ? ` · ${formatMoney(referral.order_total, referral.currency_code)}`
              : ""}
            {` · ${formatDate(referral.created_at)}`}
          </Text>
          {referral.reason && (
            <Text size="small" className="text-ui-fg-subtle" data-testid={`review-reason-text-${referral.id}`}>
              Held because: {referral.reason}
            </Text>
          )}
        </div>
        <ReferralStatusBadge referral={referral} />
      </div>
      <ReferralFlags flags={referral.flags} testId={`review-flags-${referral.id}`} />
      <div className="flex flex-wrap items-center gap-2">
        <Input
          size="small"
          className="max-w-xs"
          placeholder="Reason (optional)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          data-testid={`review-reason-${referral.id}`}
        />
        <Button
          size="small"
          variant="primary"
          onClick={() => decide("approve")}
          isLoading={pending === "approve"}
          disabled={review.isPending}
          data-testid={`approve-${referral.id}`}
        >
          Approve
        </Button>
        <Button
          size="small"
          variant="danger"
          onClick={() => decide("reject")}
          isLoading={pending === "reject"}
          disabled={review.isPending}
          data-testid={`reject-${referral.id}`}
        >
          Reject
        </Button>
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid={`review-error-${referral.id}`}>
          {error}
        </Text>
      )}
    </div>
  )
}

/** Referrals held for an admin's decision (status `review`), flagged ones with the rules that fired. */
export const ReviewQueue = () => {
  const query = useReferrals({ status: ["review"], limit: QUEUE_SIZE, offset: 0 })
  return (
    <Container className="divide-y p-0" data-testid="review-queue">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h2">Review queue</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Approving converts the referral and holds the referrer's reward; rejecting keeps it from paying out.
          </Text>
        </div>
        {query.data && (
          <Text size="small" className="text-ui-fg-subtle" data-testid="review-count">
            {query.data.count} waiting
          </Text>
        )}
      </div>
      <QueryState query={query} loading="Loading the review queue…" errorTitle="The review queue could not be loaded">
        {(data) =>
          data.referrals.length === 0 ? (
            <EmptyState title="Nothing to review" description="Flagged or held referrals appear here." />
          ) : (
            <>
              {data.referrals.map((referral) => (
                <ReviewItem key={referral.id} referral={referral} />
              ))}
              {data.count > data.referrals.length && (
                <Text size="small" className="px-6 py-3 text-ui-fg-subtle">
                  Showing the newest {data.referrals.length} of {data.count}; decide these to see more.
                </Text>
              )}
            </>
          )
        }
      </QueryState>
    </Container>
  )
}
