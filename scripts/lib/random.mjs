// @ts-check
/**
 * A seeded random number generator for the bench (mulberry32): exact in 32-bit integer
 * arithmetic, so Node and Chromium draw the same numbers from the same seed.
 */

/** @param {number} seed @returns {() => number} numbers in [0, 1) */
export function seededRandom(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
