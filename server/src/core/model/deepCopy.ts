/**
 * A deep copy of decoded manifest data: plain objects, arrays and scalars (bigints included: YAML 1.1
 * integers past 2^53 stay exact, and JSON.stringify throws on them). Iterative, so no depth overflows the stack.
 */
export function deepCopy<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  const root = (Array.isArray(value) ? [] : {}) as Record<string, unknown>;
  const stack: [Record<string, unknown>, Record<string, unknown>][] = [[value as Record<string, unknown>, root]];
  while (stack.length > 0) {
    const [from, to] = stack.pop() as [Record<string, unknown>, Record<string, unknown>];
    for (const key of Object.keys(from)) {
      const item = from[key];
      if (typeof item !== 'object' || item === null) {
        to[key] = item;
        continue;
      }
      const copy = (Array.isArray(item) ? [] : {}) as Record<string, unknown>;
      to[key] = copy;
      stack.push([item as Record<string, unknown>, copy]);
    }
  }
  return root as T;
}
