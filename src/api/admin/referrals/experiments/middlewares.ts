import { validateAndTransformBody, type MiddlewareRoute } from "@medusajs/framework/http"
import { AdminCreateExperiment } from "./validators"

export const adminExperimentRoutesMiddlewares: MiddlewareRoute[] = [
  {
    method: ["POST"],
    matcher: "/admin/referrals/experiments",
    middlewares: [validateAndTransformBody(AdminCreateExperiment)],
  },
]
