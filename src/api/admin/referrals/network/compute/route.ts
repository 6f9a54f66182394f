import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComputeReferralNetworkResponse, NetworkComputation } from "../../../../../types"
import { queueComputeRun } from "../../../../utils/compute-run"

/** Recompute the network now (the nightly job's workflow), on the worker: 202 with the run to poll. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminComputeReferralNetworkResponse>) => {
  const run = await queueComputeRun<NetworkComputation>(req.scope, "network")
  res.status(202).json({ run })
}
