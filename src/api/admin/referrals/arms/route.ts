import type { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { GLOBAL_CONTEXT } from "../../../../modules/referral/service"
import { saveIncentiveArmWorkflow } from "../../../../workflows"
import type { AdminCreateIncentiveArmType } from "../validators"

/** The offers the bandit chooses from, each with its overall record (pulls, successes, failures). */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse) => {
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const [{ data: arms }, { data: states }] = await Promise.all([
    query.graph({ entity: "incentive_arm", fields: ["*"], pagination: { order: { created_at: "ASC" } } }),
    query.graph({
      entity: "bandit_state",
      fields: ["arm_id", "pulls", "successes", "failures"],
      filters: { context_key: GLOBAL_CONTEXT },
    }),
  ])
  res.json({
    arms: arms.map((arm) => {
      const state = states.find((s) => s.arm_id === arm.id)
      return { ...arm, stats: { pulls: state?.pulls ?? 0, successes: state?.successes ?? 0, failures: state?.failures ?? 0 } }
    }),
    count: arms.length,
  })
}

/** Create an offer. */
export const POST = async (req: AuthenticatedMedusaRequest<AdminCreateIncentiveArmType>, res: MedusaResponse) => {
  const { result: arm } = await saveIncentiveArmWorkflow(req.scope).run({ input: { data: req.validatedBody } })
  res.status(201).json({ arm })
}
