import type { ComputeRunDTO } from "../referral"

/**
 * A queued computation as the admin API answers it: `status` goes
 * queued → running → done (with `result`) or failed (with `error`).
 */
export type ComputeRunOf<Result> = Pick<
  ComputeRunDTO,
  "id" | "kind" | "status" | "error" | "created_at" | "started_at" | "finished_at"
> & { result: Result | null }
