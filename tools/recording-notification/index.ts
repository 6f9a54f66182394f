import { appendFileSync } from "fs"
import type { ProviderSendNotificationDTO, ProviderSendNotificationResultsDTO } from "@medusajs/framework/types"
import { AbstractNotificationProviderService, ModuleProvider, Modules } from "@medusajs/framework/utils"

type Options = { path: string; channels?: string[] }

/**
 * A real notification provider for the tests and the demo: instead of calling
 * an email API, it appends each notification it is handed to a JSON-lines file,
 * so a test can read exactly what a store's provider would have received.
 */
class RecordingNotificationProviderService extends AbstractNotificationProviderService {
  static identifier = "recording"
  private readonly path: string
  private sent = 0

  static validateOptions(options: Record<string, unknown>) {
    if (typeof options.path !== "string" || !options.path) {
      throw new Error("The recording notification provider needs a `path` to write to.")
    }
  }

  constructor(_container: Record<string, unknown>, options: Options) {
    super()
    this.path = options.path
  }

  async send(notification: ProviderSendNotificationDTO): Promise<ProviderSendNotificationResultsDTO> {
    const id = `rec_${process.pid}_${Date.now()}_${++this.sent}`
    appendFileSync(this.path, JSON.stringify({ id, ...notification }) + "\n")
    return { id }
  }
}

export default ModuleProvider(Modules.NOTIFICATION, { services: [RecordingNotificationProviderService] })
