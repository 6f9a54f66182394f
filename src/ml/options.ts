/**
 * Option handling shared by every model: user options are merged over a
 * documented DEFAULTS object, and anything out of range throws a RangeError
 * at construction rather than misbehaving mid-fit.
 */

/** Defaults overlaid with the caller's options; undefined values keep the default, unknown keys throw (typos would otherwise be silent). */
export function mergeOptions<T extends object>(defaults: T, options: Partial<T> | undefined, owner: string): T {
  const merged = { ...defaults }
  if (options == null) return merged
  for (const key of Object.keys(options) as (keyof T)[]) {
    if (!(key in defaults)) throw new RangeError(`${owner}: unknown option "${String(key)}"`)
    const value = options[key]
    if (value !== undefined) merged[key] = value as T[keyof T]
  }
  return merged
}

/** An integer in [min, max]. */
export function checkInteger(owner: string, name: string, value: unknown, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${owner}: ${name} must be an integer in [${min}, ${max}], got ${String(value)}`)
  }
}

/** A finite number between min and max; either bound can be made exclusive. */
export function checkNumber(
  owner: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
  { minExclusive = false, maxExclusive = false }: { minExclusive?: boolean; maxExclusive?: boolean } = {}
): void {
  const ok =
    typeof value === "number" &&
    Number.isFinite(value) &&
    (minExclusive ? value > min : value >= min) &&
    (maxExclusive ? value < max : value <= max)
  if (!ok) {
    const range = `${minExclusive ? "(" : "["}${min}, ${max}${maxExclusive ? ")" : "]"}`
    throw new RangeError(`${owner}: ${name} must be a number in ${range}, got ${String(value)}`)
  }
}
