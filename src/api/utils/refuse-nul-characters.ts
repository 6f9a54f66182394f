import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"

/** Whether a parsed JSON body or query holds U+0000 in any string or key. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") {
    return value.includes("\u0000")
  }
  if (!value || typeof value !== "object" || depth > 32) {
    return false
  }
  return Object.entries(value).some(([key, child]) => key.includes("\u0000") || holdsNul(child, depth + 1))
}

/**
 * PostgreSQL text cannot hold the NUL character: an id, code or field carrying
 * one fails inside SQL as a 500. Refused here, before any route, validator or
 * workflow sees it, with a 400 the caller can act on. `%00` is the only way a
 * URL (path params and query) can carry it.
 */
export function refuseNulCharacters(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  if (/%00/.test(req.originalUrl ?? "") || holdsNul(req.body)) {
    return next(
      new MedusaError(MedusaError.Types.INVALID_DATA, "Text in the URL or body can't contain the NUL character (\\u0000)")
    )
  }
  next()
}
