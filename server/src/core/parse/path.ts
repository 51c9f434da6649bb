/**
 * A field path inside one manifest, as the API server spells it:
 * `spec.template.spec.containers[0].image`. Map keys that are not plain identifiers
 * (label keys such as `app.kubernetes.io/name`) are written in brackets: `metadata.labels[app.kubernetes.io/name]`.
 */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${segment}]`;
  }
  return out;
}

/** The inverse of formatPath: `a.b[0][x.y/z]` → ['a', 'b', 0, 'x.y/z']. */
export function parsePath(text: string): Path {
  const path: PathSegment[] = [];
  const pattern = /([^.[\]]+)|\[([^\]]*)\]/g;
  for (const match of text.matchAll(pattern)) {
    if (match[1] !== undefined) path.push(match[1]);
    else path.push(/^\d+$/.test(match[2]) ? Number(match[2]) : match[2]);
  }
  return path;
}
