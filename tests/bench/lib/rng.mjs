// Stateless, deterministic pseudo-random numbers: rand(a, b) is the same on every run, so a data
// set can be regenerated row by row without keeping generator state.

function mix(h) {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A uint32 hash of up to three integers. */
export function hash(a, b = 0, c = 0) {
  return mix(mix(mix(a + 0x9e3779b9) ^ (b + 0x7f4a7c15)) ^ (c + 0x94d049bb));
}

/** A float in [0, 1) from up to three integers. */
export function rand(a, b = 0, c = 0) {
  return hash(a, b, c) / 4294967296;
}

/** A small seeded generator for the places where a sequence is handier (shuffles of prepared ids). */
export function sequence(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle(array, random = Math.random) {
  for (let i = array.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [array[i], array[j]] = [array[j], array[i]];
  }
  return array;
}
