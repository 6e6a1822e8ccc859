// Seeded randomness shared by the near-duplicate benchmark's generators: one stream per process,
// seeded from SEED, so every run builds the same items.
export const SEED = Number(process.env.SEED ?? 20_260_406);

// mulberry32: a small seeded PRNG, so every run builds the same items.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const random = prng(SEED);
export const int = (n) => Math.floor(random() * n);
export const pick = (xs) => xs[int(xs.length)];
export const chance = (p) => random() < p;
export const shuffled = (xs) => {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
};

