/**
 * resource.Quantity as the API server parses, rounds, compares and prints it
 * (staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go, suffix.go, amount.go).
 * Amounts are kept exactly as BigInt nano-units (the finest scale a Quantity keeps).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The amount in units of 10^-9. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
  /** The string ParseQuantity keeps when the input was already canonical (Quantity.s). */
  readonly cached?: string;
  /** Whether the amount lives in an inf.Dec (ParseQuantity's slow path) rather than an int64Amount. */
  readonly isDec: boolean;
  /** int64Amount's scale (power of ten) when !isDec. */
  readonly scale: number;
}

export const ErrFormatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ErrNumeric = 'unable to parse numeric part of quantity';
export const ErrSuffix = "unable to parse quantity's suffix";

const NANO = 1_000_000_000n;
const MAX_INT64 = 9223372036854775807n;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** The text a decoded quantity field holds: a JSON string as is, a JSON number as Go's encoder prints it. */
export function quantityText(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw.trim();
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  if (typeof raw === 'bigint') return raw.toString();
  return undefined;
}

interface Scanned {
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString. */
function scan(text: string): Scanned | string {
  let positive = true;
  let pos = 0;
  const end = text.length;
  if (pos < end) {
    if (text[0] === '-') {
      positive = false;
      pos++;
    } else if (text[0] === '+') pos++;
  }
  for (;;) {
    if (pos >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (text[pos] === '0') pos++;
    else break;
  }
  let num = '';
  let i = pos;
  for (; ; i++) {
    if (i >= end) return { positive, value: text.slice(0, end), num: text.slice(pos, end), denom: '', suffix: '' };
    if (!isDigit(text[i])) break;
  }
  num = text.slice(pos, i);
  pos = i;
  if (num.length === 0) num = '0';
  let denom = '';
  if (pos < end && text[pos] === '.') {
    pos++;
    let j = pos;
    for (; ; j++) {
      if (j >= end) return { positive, value: text.slice(0, end), num, denom: text.slice(pos, end), suffix: '' };
      if (!isDigit(text[j])) break;
    }
    denom = text.slice(pos, j);
    pos = j;
  }
  const value = text.slice(0, pos);
  const suffixStart = pos;
  let k = pos;
  for (; ; k++) {
    if (k >= end) return { positive, value, num, denom, suffix: text.slice(suffixStart, end) };
    if (!'eEinumkKMGTP'.includes(text[k])) break;
  }
  pos = k;
  if (pos < end && (text[pos] === '-' || text[pos] === '+')) pos++;
  for (let m = pos; ; m++) {
    if (m >= end) return { positive, value, num, denom, suffix: text.slice(suffixStart, end) };
    if (!isDigit(text[m])) break;
  }
  return ErrFormatWrong;
}

function isDigit(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** quantitySuffixer.interpret. */
function interpretSuffix(suffix: string): { base: 10 | 2; exponent: number; format: QuantityFormat } | undefined {
  if (Object.prototype.hasOwnProperty.call(DECIMAL_SUFFIXES, suffix)) return { base: 10, exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.prototype.hasOwnProperty.call(BINARY_SUFFIXES, suffix)) return { base: 2, exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    const rest = suffix.slice(1);
    if (!/^[+-]?\d+$/.test(rest)) return undefined;
    const exponent = Number(rest);
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 2147483647) return undefined;
    return { base: 10, exponent, format: 'DecimalExponent' };
  }
  return undefined;
}

/** ParseQuantity: a Quantity, or the error text. */
export function parseQuantity(text: string): Quantity | string {
  if (text.length === 0) return ErrFormatWrong;
  if (text === '0') return { nanos: 0n, format: 'DecimalSI', cached: '0', isDec: false, scale: 0 };
  const scanned = scan(text);
  if (typeof scanned === 'string') return scanned;
  const { positive, value, num, denom, suffix } = scanned;
  const interpreted = interpretSuffix(suffix);
  if (!interpreted) return ErrSuffix;
  const { base, exponent } = interpreted;
  let { format } = interpreted;

  // The int64 fast path.
  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      precision = 15 - num.length - Math.trunc(Math.fround((exponent * 3) / 10)) - 1;
    } else precision = -1;
  } else {
    scale = exponent;
    precision = 18 - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= -9) {
      const shifted = num + denom;
      const parsed = BigInt(shifted);
      if (parsed > MAX_INT64) return ErrNumeric;
      const product = parsed * mantissa;
      if (product <= MAX_INT64) {
        const result = positive ? product : -product;
        let cached: string | undefined;
        if (format === 'BinarySI') {
          if (exponent % 10 === 0 && (parsed & 7n) !== 0n) cached = text;
        } else if (scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0') cached = text;
        return { nanos: result * pow10(scale + 9), format, cached, isDec: false, scale };
      }
    }
  }

  // The inf.Dec slow path.
  const numeric = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(value);
  if (!numeric || (numeric[1] === '' && (numeric[2] ?? '') === '')) return ErrNumeric;
  const digits = BigInt((numeric[1] || '0') + (numeric[2] ?? ''));
  let numerator = digits * NANO;
  let denominator = pow10(numeric[2]?.length ?? 0);
  if (base === 10) {
    if (exponent >= 0) numerator *= pow10(exponent);
    else denominator *= pow10(-exponent);
  } else numerator *= 1n << BigInt(exponent);
  // Round away from zero to the nano scale (inf.RoundUp on the absolute value).
  let nanos = (numerator + denominator - 1n) / denominator;
  if (format === 'BinarySI' && nanos > MAX_INT64 * NANO) nanos = MAX_INT64 * NANO;
  if (format === 'BinarySI' && nanos > 0n && nanos < NANO) format = 'DecimalSI';
  return { nanos: positive ? nanos : -nanos, format, isDec: true, scale: -9 };
}

function pow10(n: number): bigint {
  return n >= 0 ? 10n ** BigInt(n) : 1n;
}

/** Quantity.RoundUp(-3), as SetDefaults_ResourceList applies it to every resource list of a pod template. */
export function roundUpToMilli(q: Quantity): Quantity {
  if (!q.isDec && (q.cached === undefined || q.scale >= -3)) return q;
  return { nanos: ceilTo(q.nanos, 1_000_000n), format: q.format, isDec: q.isDec, scale: q.isDec ? q.scale : -3 };
}

function ceilTo(value: bigint, unit: bigint): bigint {
  const remainder = value % unit;
  if (remainder === 0n) return value;
  return value > 0n ? value - remainder + unit : value - remainder;
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Quantity.Value(): the value rounded up to an integer. */
export function quantityValue(q: Quantity): bigint {
  return ceilTo(q.nanos, NANO) / NANO;
}

/** Quantity.MilliValue(). */
export function quantityMilliValue(q: Quantity): bigint {
  return ceilTo(q.nanos, 1_000_000n) / 1_000_000n;
}

/** Quantity.String(): the kept input, or the canonical form (CanonicalizeBytes). */
export function quantityString(q: Quantity): string {
  if (q.cached !== undefined) return q.cached;
  if (q.nanos === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    if (q.nanos > -1024n * NANO && q.nanos < 1024n * NANO) format = 'DecimalSI';
    else if (q.nanos % NANO !== 0n) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let amount = q.nanos / NANO;
    let exponent = 0;
    while (amount % 1024n === 0n && exponent < 6) {
      amount /= 1024n;
      exponent++;
    }
    const suffix = Object.keys(BINARY_SUFFIXES).find((s) => BINARY_SUFFIXES[s] === exponent * 10) ?? '';
    return `${amount}${suffix}`;
  }
  let amount = q.nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  while (exponent % 3 !== 0) {
    amount *= 10n;
    exponent--;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = Object.keys(DECIMAL_SUFFIXES).find((s) => DECIMAL_SUFFIXES[s] === exponent);
  return `${amount}${suffix ?? ''}`;
}

/** One entry of a decoded resource list, parsed (undefined when the text does not parse: pod-quantity-syntax reports it). */
export interface ResourceEntry {
  readonly name: string;
  readonly quantity: Quantity | undefined;
}

/**
 * A ResourceList as validation sees it: every parsable amount rounded up to milli-units, as
 * SetDefaults_ResourceList does for the resource lists of a pod template.
 */
export function resourceEntries(list: Readonly<Record<string, unknown>> | undefined): ResourceEntry[] {
  return Object.entries(list ?? {}).map(([name, raw]) => {
    const text = quantityText(raw);
    const parsed = text === undefined ? undefined : parseQuantity(text);
    return { name, quantity: parsed === undefined || typeof parsed === 'string' ? undefined : roundUpToMilli(parsed) };
  });
}

/** A single Quantity field (not rounded): undefined when absent or unparsable. */
export function quantityField(raw: unknown): Quantity | undefined {
  const text = quantityText(raw);
  const parsed = text === undefined ? undefined : parseQuantity(text);
  return parsed === undefined || typeof parsed === 'string' ? undefined : parsed;
}
