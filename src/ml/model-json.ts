/**
 * Every model serialises to plain JSON stamped with a name and a format
 * version, so a stored model is never read by the wrong class or an
 * incompatible version of the right one.
 */

export interface ModelHeader {
  name: string
  version: number
}

/** Throws unless json is an object carrying exactly this name and version. */
export function checkModelHeader(json: unknown, name: string, version: number): void {
  if (json == null || typeof json !== "object") {
    throw new TypeError(`${name}: expected a JSON object, got ${json === null ? "null" : typeof json}`)
  }
  const header = json as Partial<ModelHeader>
  if (header.name !== name) {
    throw new Error(`${name}: JSON is for "${String(header.name)}", not "${name}"`)
  }
  if (header.version !== version) {
    throw new Error(`${name}: JSON version ${String(header.version)} is not supported (expected ${version})`)
  }
}

/** Throws unless value is an array of finite numbers of the given length. */
export function checkNumberArray(owner: string, field: string, value: unknown, length?: number): number[] {
  if (!Array.isArray(value) || (length !== undefined && value.length !== length)) {
    throw new TypeError(`${owner}: "${field}" must be an array${length === undefined ? "" : ` of ${length} numbers`}`)
  }
  for (const item of value) {
    if (typeof item !== "number" || !Number.isFinite(item)) {
      throw new TypeError(`${owner}: "${field}" holds a non-finite entry ${String(item)}`)
    }
  }
  return value
}
