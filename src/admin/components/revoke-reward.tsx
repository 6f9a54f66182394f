import { Button, Input, Text } from "@medusajs/ui"
import { useState } from "react"
import { useRevokeReferralReward } from "../hooks/referral-rewards"

/**
 * Revokes a referrer's held or issued reward with a reason (kept on the
 * reward). Issued store credit is debited, an unused reward code switched off.
 */
export const RevokeReward = ({ rewardId }: { rewardId: string }) => {
  const [reason, setReason] = useState("")
  const revoke = useRevokeReferralReward()
  const error = revoke.error instanceof Error ? revoke.error.message : null
  return (
    <div className="mt-1 flex flex-col gap-y-1" data-testid="revoke-reward">
      <div className="flex items-center gap-x-2">
        <Input
          size="small"
          placeholder="Reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          data-testid="revoke-reward-reason"
        />
        <Button
          size="small"
          variant="danger"
          disabled={!reason.trim() || revoke.isPending}
          isLoading={revoke.isPending}
          onClick={() => revoke.mutate({ id: rewardId, reason: reason.trim() })}
          data-testid="revoke-reward-submit"
        >
          Revoke
        </Button>
      </div>
      {error && (
        <Text size="small" className="text-ui-fg-error" data-testid="revoke-reward-error">
          {error}
        </Text>
      )}
    </div>
  )
}
