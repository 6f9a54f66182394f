/**
 * What every HTTP type here shares. Response types describe what a handler
 * passes to `res.json` (dates as `Date`); the admin receives them as JSON, so
 * its hooks read `Serialized<...Response>` (dates as ISO strings).
 */

/** A value as it arrives through JSON: dates become ISO strings, everything else keeps its shape. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends readonly (infer U)[]
      ? readonly Serialized<U>[]
      : T extends object
        ? { [K in keyof T]: Serialized<T[K]> }
        : T

/** A paged list: `{ referrals, count, offset, limit }`, as Medusa's own list routes answer. */
export type PaginatedResponse<T> = T & { count: number; offset: number; limit: number }

/** Medusa's error body, for a route that answers an error itself (429 has no MedusaError type). */
export type HttpErrorResponse = { type: string; message: string }
