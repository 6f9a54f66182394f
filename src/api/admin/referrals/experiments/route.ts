import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createReferralExperimentWorkflow } from "../../../../workflows"
import type { AdminCreateExperimentType } from "./validators"
import type { AdminReferralExperimentListResponse, AdminReferralExperimentResponse } from "../../../../types"

/** Experiments, newest first, with their variants. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<AdminReferralExperimentListResponse>) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data: experiments } = await query.graph({
    entity: "referral_experiment",
    fields: ["*", "variants.*"],
    pagination: { order: { created_at: "DESC" } },
  })
  res.json({ experiments, count: experiments.length })
}

/** Start an experiment. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateExperimentType>, res: MedusaResponse<AdminReferralExperimentResponse>) => {
  const { result: experiment } = await createReferralExperimentWorkflow(req.scope).run({ input: req.validatedBody })
  res.status(201).json({ experiment })
}
