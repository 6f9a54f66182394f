/**
 * Stable, dependency-free hashes for seeds, phrasings and experiment buckets:
 * the same input gives the same number on every server, run after run.
 */

/** FNV-1a, 32-bit, over UTF-8. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash >>> 0
}

/**
 * FNV-1a finished with MurmurHash3's avalanche mix: plain FNV-1a's high bits
 * barely move when only a prefix differs, which would correlate buckets (say,
 * two experiments' assignments of the same customer).
 */
export function mixedHash32(text: string): number {
  let hash = fnv1a(text)
  hash ^= hash >>> 16
  hash = Math.imul(hash, 0x85ebca6b)
  hash ^= hash >>> 13
  hash = Math.imul(hash, 0xc2b2ae35)
  hash ^= hash >>> 16
  return hash >>> 0
}
