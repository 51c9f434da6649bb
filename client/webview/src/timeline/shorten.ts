/**
 * Names shortened in the middle: a CronJob's Jobs and their pods differ only at the end
 * (`hello-world-nightly-29434560`, `...-29434561`), so a name cut at the end says nothing. Pure.
 */

/**
 * `hello-world-nightly-backup-29434560` → `hello-…-29434560` (max 16): the last `-` part is kept whole, the
 * start is kept up to a `-` where one is near, the middle becomes `…`. Names that fit come back as they are.
 */
export function shortenMiddle(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  if (max < 3) return `${chars.slice(0, Math.max(0, max - 1)).join('')}…`;
  const lastDash = name.lastIndexOf('-');
  const suffix = lastDash > 0 ? [...name.slice(lastDash)] : [];
  if (suffix.length === 0 || suffix.length + 2 > max) {
    // no suffix to keep (or it alone is too long): keep both ends
    const tail = Math.floor((max - 1) / 2);
    return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
  }
  const room = max - suffix.length - 1;
  let head = chars.slice(0, room).join('');
  const dash = head.lastIndexOf('-');
  // end the head at a part boundary when that keeps at least half of the room
  if (dash >= 0 && dash + 1 >= room / 2) head = head.slice(0, dash + 1);
  return `${head}…${suffix.join('')}`;
}
