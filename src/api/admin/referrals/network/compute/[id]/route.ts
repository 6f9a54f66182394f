import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import type { AdminComputeReferralNetworkResponse, NetworkComputation } from "../../../../../../types"
import { retrieveComputeRun } from "../../../../../utils/compute-run"

/** A queued network computation: its status, then what it found. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminComputeReferralNetworkResponse>) => {
  res.json({ run: await retrieveComputeRun<NetworkComputation>(req.scope, req.params.id, "network") })
}
