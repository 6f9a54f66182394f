import { createWorkflow, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { acquireLockStep, releaseLockStep } from "@medusajs/medusa/core-flows"
import { syncCodePromotionsStep } from "../steps/sync-code-promotions"

export const syncCodePromotionsWorkflowId = "sync-referral-code-promotions"

const LOCK_KEY = "smart-referrals:code-promotions-sync"

/**
 * Every referral code's Medusa promotions follow the program switch in force
 * (see `syncCodePromotionsStep`). Run by the subscriber of
 * `referral.program_switched`, on the worker, since a store with 100,000 codes
 * takes minutes (Medusa's `updatePromotions`: ~7 s per 2,000 codes). One run
 * at a time, on any instance: the run a switch starts begins after the runs
 * before it ended, and reads that switch, so the last switch always has the
 * last word.
 */
export const syncCodePromotionsWorkflow = createWorkflow(syncCodePromotionsWorkflowId, () => {
  acquireLockStep({ key: LOCK_KEY, timeout: 15 * 60, ttl: 30 * 60 })
  const synced = syncCodePromotionsStep()
  releaseLockStep({ key: LOCK_KEY })
  return new WorkflowResponse(synced)
})
