/**
 * A small seeded PRNG and Kubernetes-style generated names drawn from it. Everything random in a run
 * comes from here, so the same seed replays the same pod names and the same random failures.
 */

/** mulberry32: 32 bits of state, a full 2^32 period, good enough statistics for a preview. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** The next 32-bit unsigned integer. */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }
}

/**
 * An independent stream for one purpose (names, failures, ...), so that e.g. adding a failure rate does
 * not change the pod names of a run. The seed is mixed with a hash of the stream's name.
 */
export function streamSeed(seed: number, stream: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stream.length; i++) {
    hash ^= stream.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) ^ hash) >>> 0;
}

/**
 * apimachinery's util/rand alphabet: no vowels (so no words are formed), no 0/1/3 (look like letters).
 * k8s.io/apimachinery/pkg/util/rand/rand.go: alphanums.
 */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** names.MaxGeneratedNameLength: 63 (DNS label) minus the 5 random characters. */
export const MAX_GENERATED_NAME_LENGTH = 58;

/**
 * util/rand.String(n): 5-bit chunks of a random word index the alphabet, chunks >= 27 are skipped
 * (rejection keeps the characters uniform). Upstream takes 12 chunks from each Int63; here 6 from
 * each 32-bit word.
 */
export function randomString(rng: Random, length: number): string {
  const codes: number[] = [];
  let word = rng.nextUint32();
  let remaining = 6;
  while (codes.length < length) {
    if (remaining === 0) {
      word = rng.nextUint32();
      remaining = 6;
    }
    const index = word & 31;
    if (index < NAME_ALPHABET.length) codes.push(NAME_ALPHABET.charCodeAt(index));
    word >>>= 5;
    remaining--;
  }
  return String.fromCharCode(...codes);
}

/**
 * The API server's names.SimpleNameGenerator for `metadata.generateName`: the base cut to 58 characters,
 * then 5 random characters (k8s.io/apiserver/pkg/storage/names/generate.go: GenerateName).
 */
export function generateName(base: string, rng: Random): string {
  const cut = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  // One flat string (a concatenation would be kept as its parts): the Timeline keeps every pod's name.
  return [cut, randomString(rng, 5)].join('');
}
