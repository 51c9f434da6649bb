/**
 * The few pieces of Go's standard library whose exact behaviour shows in robfig/cron's error messages and field
 * splitting: strings.Fields / TrimSpace / ToLower, strconv.Atoi (with its NumError text) and strconv.Quote, and the
 * time package's own quote(). Go strings are UTF-8 bytes; where that matters (Atoi's fast path, quote's \x escapes)
 * the text is measured or escaped as UTF-8.
 */

/** unicode.IsSpace: the White_Space property (Go's table), the set strings.Fields and strings.TrimSpace use. */
export function isGoSpace(ch: string): boolean {
  const c = ch.codePointAt(0) ?? -1;
  if (c <= 0xff) return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** strings.Fields: the non-empty runs between white space. */
export function goFields(s: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of s) {
    if (isGoSpace(ch)) {
      if (current !== '') out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** strings.TrimSpace. */
export function goTrimSpace(s: string): string {
  const chars = [...s];
  let start = 0;
  let end = chars.length;
  while (start < end && isGoSpace(chars[start]!)) start++;
  while (end > start && isGoSpace(chars[end - 1]!)) end--;
  return chars.slice(start, end).join('');
}

/**
 * strings.ToLower, as far as the month and weekday names can tell: JavaScript agrees with Go except for U+0130 (İ),
 * which Go lowers to a plain "i" and JavaScript to "i" plus a combining dot.
 */
export function goToLower(s: string): string {
  return s.replace(/\u0130/g, 'i').toLowerCase();
}

/** The UTF-8 bytes of a string (lone surrogates become U+FFFD, as Go would have seen invalid input). */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** Go's unicode.IsPrint, approximated with the Unicode categories it is defined by (L, M, N, P, S and U+0020). */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** strconv.Quote: a double-quoted Go string literal, non-printable runes escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
    else if (PRINTABLE.test(ch)) out += ch;
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${hex2(c)}`;
    else if (c < 0x10000) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += `\\U${c.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** The time package's quote(): ASCII kept (with \" and \\ escaped), every other byte as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x80 || c < 0x20) {
      for (const b of utf8Bytes(ch)) out += `\\x${hex2(b)}`;
    } else {
      if (ch === '"' || ch === '\\') out += '\\';
      out += ch;
    }
  }
  return `${out}"`;
}

export type AtoiResult = { ok: true; value: bigint } | { ok: false; error: string };

const numError = (s: string, reason: 'invalid syntax' | 'value out of range'): AtoiResult => ({
  ok: false,
  error: `strconv.Atoi: parsing ${goQuote(s)}: ${reason}`,
});

const MAX_UINT64 = (1n << 64n) - 1n;
const UINT64_CUTOFF = MAX_UINT64 / 10n + 1n;
const INT64_CUTOFF = 1n << 63n;

/**
 * strconv.Atoi on a 64-bit platform, as a bigint (robfig prints the parsed number with %d, so it must stay exact).
 * Fast path below 19 bytes: optional sign, then ASCII digits. Otherwise ParseInt(s, 10, 0): the sign, then digits with
 * an overflow check before each digit is added, so an overflow can be reported before a later bad character.
 */
export function goAtoi(s: string): AtoiResult {
  const bytes = utf8Bytes(s);
  if (bytes.length > 0 && bytes.length < 19) {
    let i = 0;
    const negative = bytes[0] === 0x2d;
    if (bytes[0] === 0x2d || bytes[0] === 0x2b) {
      i = 1;
      if (bytes.length < 2) return numError(s, 'invalid syntax');
    }
    let n = 0n;
    for (; i < bytes.length; i++) {
      const d = bytes[i]! - 0x30;
      if (d < 0 || d > 9) return numError(s, 'invalid syntax');
      n = n * 10n + BigInt(d);
    }
    return { ok: true, value: negative ? -n : n };
  }
  // ParseInt(s, 10, 0)
  if (bytes.length === 0) return numError(s, 'invalid syntax');
  let i = 0;
  let negative = false;
  if (bytes[0] === 0x2b) i = 1;
  else if (bytes[0] === 0x2d) {
    negative = true;
    i = 1;
  }
  // ParseUint(rest, 10, 64)
  if (i === bytes.length) return numError(s, 'invalid syntax');
  let n = 0n;
  let overflow = false;
  for (; i < bytes.length; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) return numError(s, 'invalid syntax');
    if (n >= UINT64_CUTOFF) {
      overflow = true;
      break;
    }
    n = n * 10n + BigInt(d);
    if (n > MAX_UINT64) {
      overflow = true;
      break;
    }
  }
  if (overflow) return numError(s, 'value out of range');
  if (!negative && n >= INT64_CUTOFF) return numError(s, 'value out of range');
  if (negative && n > INT64_CUTOFF) return numError(s, 'value out of range');
  return { ok: true, value: negative ? -n : n };
}
