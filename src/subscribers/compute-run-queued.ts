import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ReferralEvents } from "../utils/events"
import { runComputeRunWorkflow } from "../workflows"

/** Runs a computation an admin queued (training, network), on whichever instance handles events: the worker. */
export default async function computeRunQueued({ event, container }: SubscriberArgs<{ id: string }>) {
  const { errors } = await runComputeRunWorkflow(container).run({ input: { id: event.data.id }, throwOnError: false })
  for (const { error } of errors) {
    container.resolve("logger").error(`Compute run ${event.data.id} failed: ${error?.message ?? error}`)
  }
}

export const config: SubscriberConfig = {
  event: ReferralEvents.COMPUTE_RUN_QUEUED,
  context: { subscriberId: "smart-referrals-compute-run" },
}
