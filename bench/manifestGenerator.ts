/**
 * Seeded generator of realistic multi-document Kubernetes YAML: batch/v1 Job, batch/v1 CronJob and apps/v1
 * DaemonSet manifests (pod templates with resources, probes, env, volumes; `# Source:` comments as
 * `helm template` prints them) with injected mistakes, and the list of those mistakes (type, document, line).
 *
 * A TypeScript copy of the project's shared benchmark generator (gen-manifests.mjs), kept here so that
 * `npm run bench` needs nothing outside the repository. Same seed, same bytes as the original: the figures
 * compare with those measured on its files. The file with N documents is a prefix of the file with M > N.
 * Do not change what it emits (or the order it draws random numbers in) without saying so in bench/README.md.
 *
 * Injected mistakes (rate `errorRate`, default 0.12, per document; documents 0-9 follow a fixed plan:
 * doc 3 job-restart-always, doc 4 bad-cron, doc 5 selector-mismatch, no other mistakes):
 *   job-restart-always      Job pod template restartPolicy: Always (only Never/OnFailure allowed)
 *   cronjob-restart-always  same, inside a CronJob's jobTemplate
 *   bad-cron                CronJob spec.schedule that is not a valid 5-field cron expression
 *   selector-mismatch       DaemonSet spec.selector.matchLabels not matching template labels
 *   schema-type             a wrong scalar type (e.g. backoffLimit: "three")
 *   schema-unknown-field    a misspelled field (e.g. imagePulPolicy)
 */
import { Random } from '../server/src/core/engine/random';

type Json = string | number | boolean | null | undefined | Json[] | Obj;
interface Obj {
  [key: string]: Json;
}

export interface InjectedMistake {
  /** 0-based document index. */
  readonly doc: number;
  readonly kind: string;
  readonly name: string;
  readonly type: string;
  /** 1-based line of the offending key in the file. */
  readonly line: number;
  readonly path: string;
  readonly detail: string;
}

export interface GeneratedManifests {
  readonly text: string;
  readonly truth: InjectedMistake[];
  readonly lines: number;
}

// ---------- seeded PRNG: the engine's mulberry32, the same numbers as the original's ----------
function mulberry32(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

class Rng {
  private readonly r: () => number;
  constructor(seed: number) {
    this.r = mulberry32(seed);
  }
  next(): number {
    return this.r();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  pick<T>(arr: readonly T[]): T {
    return arr[Math.floor(this.r() * arr.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  sample<T>(arr: readonly T[], n: number): T[] {
    const c = arr.slice();
    const out: T[] = [];
    while (out.length < n && c.length) out.push(c.splice(Math.floor(this.r() * c.length), 1)[0]);
    return out;
  }
}

// ---------- tiny YAML emitter with line tracking ----------
// Block style only; records the 1-based line of every emitted key path (dot/bracket path).
const PLAIN_UNSAFE = /^[-?:](\s|$)|^[,[\]{}#&*!|>'"%@`\s]|: |\s#|[\s:]$|^$/;
const RESERVED = /^(true|false|yes|no|on|off|y|n|null|~|-?\d+(\.\d+)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\.inf|-\.inf|\.nan)$/i;

function scalar(v: Json): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  if (PLAIN_UNSAFE.test(s) || RESERVED.test(s) || s.includes('\t')) {
    return s.includes("'") ? JSON.stringify(s) : `'${s}'`;
  }
  return s;
}

const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

class Emitter {
  readonly lines: string[] = [];
  readonly paths = new Map<string, number>();
  /** true: "  - item" under its key (indented); false: kubectl style. */
  constructor(private readonly seqIndent: boolean) {}

  private push(line: string): number {
    this.lines.push(line);
    return this.lines.length; // 1-based line number within this doc
  }

  private block(text: string, indent: number): void {
    const body = text.endsWith('\n') ? text.slice(0, -1) : text;
    for (const l of body.split('\n')) this.push(l ? ' '.repeat(indent + 2) + l : '');
  }

  mapping(obj: Obj, indent: number, path: string, firstPrefix?: string): void {
    let first = true;
    for (const [k, v] of Object.entries(obj)) {
      if (v === undefined) continue;
      const pad = first && firstPrefix !== undefined ? firstPrefix : ' '.repeat(indent);
      first = false;
      const p = path ? `${path}.${k}` : k;
      const key = scalar(k);
      if (isObj(v)) {
        if (Object.keys(v).length === 0) {
          this.paths.set(p, this.push(`${pad}${key}: {}`));
        } else {
          this.paths.set(p, this.push(`${pad}${key}:`));
          this.mapping(v, indent + 2, p);
        }
      } else if (Array.isArray(v)) {
        if (v.length === 0) {
          this.paths.set(p, this.push(`${pad}${key}: []`));
        } else {
          this.paths.set(p, this.push(`${pad}${key}:`));
          this.sequence(v, this.seqIndent ? indent + 2 : indent, p);
        }
      } else if (typeof v === 'string' && v.includes('\n')) {
        this.paths.set(p, this.push(`${pad}${key}: ${v.endsWith('\n') ? '|' : '|-'}`));
        this.block(v, indent);
      } else {
        this.paths.set(p, this.push(`${pad}${key}: ${scalar(v)}`));
      }
    }
  }

  private sequence(arr: Json[], indent: number, path: string): void {
    arr.forEach((item, i) => {
      const p = `${path}[${i}]`;
      const pad = ' '.repeat(indent);
      if (isObj(item)) {
        this.paths.set(p, this.lines.length + 1);
        this.mapping(item, indent + 2, p, `${pad}- `);
      } else if (typeof item === 'string' && item.includes('\n')) {
        this.paths.set(p, this.push(`${pad}- ${item.endsWith('\n') ? '|' : '|-'}`));
        this.block(item, indent);
      } else {
        this.paths.set(p, this.push(`${pad}- ${scalar(item)}`));
      }
    });
  }
}

// ---------- vocabularies ----------
const TEAMS = ['payments', 'search', 'platform', 'data', 'ml', 'identity', 'billing', 'infra', 'growth', 'observability'];
const NAMESPACES = ['default', 'batch', 'etl', 'monitoring', 'kube-system', 'logging', 'data-pipeline', 'ml-training', 'ops'];
const VERBS = ['sync', 'export', 'import', 'reindex', 'compact', 'backup', 'rotate', 'migrate', 'aggregate', 'cleanup', 'report', 'snapshot'];
const NOUNS = ['orders', 'users', 'invoices', 'events', 'metrics', 'sessions', 'catalog', 'ledger', 'audit-log', 'embeddings', 'thumbnails', 'certs'];
const AGENTS = ['node-exporter', 'fluent-bit', 'log-shipper', 'csi-node', 'kube-proxy-custom', 'falco', 'cilium-agent', 'datadog-agent', 'nvidia-device-plugin', 'promtail', 'otel-collector', 'node-problem-detector'];
const REGISTRIES = ['registry.example.com', 'ghcr.io/acme', 'quay.io/acme', '123456789012.dkr.ecr.us-east-1.amazonaws.com', 'europe-docker.pkg.dev/acme-prod/images'];
const BASE_IMAGES = ['python', 'postgres', 'alpine', 'busybox', 'bitnami/kubectl', 'amazon/aws-cli', 'google/cloud-sdk', 'curlimages/curl'];
const INSTANCE_TYPES = ['m5.xlarge', 'm6i.2xlarge', 'c6g.large', 'r5.4xlarge', 'n2-standard-8', 'e2-highmem-4', 'p3.2xlarge'];
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'europe-west1-b', 'europe-west1-c'];
const GOOD_CRON = ['*/5 * * * *', '0 2 * * *', '30 3 * * 1-5', '0 */6 * * *', '@hourly', '@daily', '15 4 1 * *', '0 0 * * 0', '45 23 * * 6', '0 9-17 * * 1-5', '*/15 8-20 * * *', '5 0 1,15 * *'];
const BAD_CRON = ['*/5 * * *', '61 * * * *', '0 25 * * *', '0 0 32 * *', '0 0 * 13 *', '*/0 * * * *', 'every 5 minutes', '0 0 * * MON-FRIDAY', '@every-day', '* * * * * *'];
const TIMEZONES = ['Etc/UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Tokyo'];
const CPU_REQ = ['50m', '100m', '250m', '500m', '1', '2'];
const CPU_LIM = ['200m', '500m', '1', '2', '4'];
const MEM_REQ = ['64Mi', '128Mi', '256Mi', '512Mi', '1Gi', '2Gi'];
const MEM_LIM = ['128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '4Gi', '8Gi'];

interface Context {
  readonly team: string;
  readonly verb: string;
  readonly noun: string;
  readonly name: string;
  readonly imageName: string;
  readonly kind: string;
}

interface Volume {
  readonly name: string;
  readonly mountPath: string;
  readonly readOnly?: boolean;
  readonly subPath?: string;
  readonly src: Obj;
}

interface ContainerOptions {
  readonly imageName: string;
  readonly verb: string;
  readonly noun: string;
  readonly team: string;
  readonly kind: string;
  readonly daemon: boolean;
  readonly volumes: readonly Volume[];
}

function version(rng: Rng): string {
  return `${rng.int(0, 4)}.${rng.int(0, 30)}.${rng.int(0, 20)}`;
}

function hex(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '0123456789abcdef'[rng.int(0, 15)];
  return s;
}

function image(rng: Rng, name: string): string {
  if (rng.chance(0.3)) {
    const b = rng.pick(BASE_IMAGES);
    return `${b}:${rng.pick(['3.12-slim', '16.4', '3.20', '1.36', '1.31', '2.17.5', 'latest', '8.6.0'])}`;
  }
  const tag = rng.chance(0.1) ? `sha256:${hex(rng, 64)}` : version(rng);
  return tag.startsWith('sha256') ? `${rng.pick(REGISTRIES)}/${name}@${tag}` : `${rng.pick(REGISTRIES)}/${name}:${tag}`;
}

function envVars(rng: Rng, team: string, kind: string): Obj[] {
  const env: Obj[] = [];
  const plain: [string, string][] = [
    ['LOG_LEVEL', rng.pick(['debug', 'info', 'warn'])],
    ['LOG_FORMAT', 'json'],
    ['ENVIRONMENT', rng.pick(['production', 'staging', 'dev'])],
    ['TEAM', team],
    ['BATCH_SIZE', String(rng.pick([100, 500, 1000, 5000]))],
    ['TIMEOUT_SECONDS', String(rng.pick([30, 60, 300, 900]))],
    ['S3_BUCKET', `${team}-${rng.pick(['exports', 'backups', 'artifacts'])}-${rng.pick(ZONES).slice(0, -1)}`],
    ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://otel-collector.observability.svc:4317'],
    ['GOMAXPROCS', String(rng.int(1, 8))],
    ['FEATURE_FLAGS', rng.sample(['fast-path', 'dry-run', 'parallel', 'verbose', 'strict'], 2).join(',')],
  ];
  for (const [n, v] of rng.sample(plain, rng.int(2, 6))) env.push({ name: n, value: v });
  if (rng.chance(0.7)) env.push({ name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: `${team}-db-credentials`, key: 'password' } } });
  if (rng.chance(0.4)) env.push({ name: 'API_TOKEN', valueFrom: { secretKeyRef: { name: `${team}-api`, key: 'token', optional: rng.chance(0.5) } } });
  if (rng.chance(0.5)) env.push({ name: 'APP_CONFIG_PROFILE', valueFrom: { configMapKeyRef: { name: `${team}-config`, key: 'profile' } } });
  if (rng.chance(0.6) || kind === 'DaemonSet') env.push({ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } });
  if (rng.chance(0.5)) env.push({ name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } });
  if (rng.chance(0.3)) env.push({ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } });
  if (rng.chance(0.2)) env.push({ name: 'MEMORY_LIMIT', valueFrom: { resourceFieldRef: { containerName: 'main', resource: 'limits.memory' } } });
  return env;
}

function resources(rng: Rng): Obj {
  const requests: Obj = { cpu: rng.pick(CPU_REQ), memory: rng.pick(MEM_REQ) };
  const r: Obj = { requests };
  if (rng.chance(0.85)) r.limits = { cpu: rng.pick(CPU_LIM), memory: rng.pick(MEM_LIM) };
  if (rng.chance(0.1)) requests['ephemeral-storage'] = rng.pick(['1Gi', '5Gi', '10Gi']);
  if (rng.chance(0.05)) {
    if (!isObj(r.limits)) r.limits = {};
    r.limits['nvidia.com/gpu'] = rng.int(1, 4);
  }
  return r;
}

function script(rng: Rng, verb: string, noun: string): string {
  const lines = ['set -euo pipefail', `echo "starting ${verb} of ${noun} at $(date -u +%FT%TZ)"`];
  const body = [
    `python -m jobs.${verb.replace(/-/g, '_')} --target ${noun} --batch-size "\${BATCH_SIZE:-500}"`,
    `psql "$DATABASE_URL" -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE ${noun.replace(/-/g, '_')};"`,
    `aws s3 sync /data/${noun} "s3://\${S3_BUCKET}/${noun}/$(date +%Y/%m/%d)" --only-show-errors`,
    `kubectl -n ${rng.pick(NAMESPACES)} delete pods --field-selector=status.phase==Succeeded --ignore-not-found`,
    `curl -fsS --retry 3 -X POST "http://${noun}-api:8080/internal/${verb}" -H "Authorization: Bearer $API_TOKEN"`,
    `find /data/tmp -type f -mtime +7 -delete`,
  ];
  for (const l of rng.sample(body, rng.int(1, 3))) lines.push(l);
  lines.push('echo done');
  return lines.join('\n') + '\n';
}

function container(rng: Rng, name: string, opts: ContainerOptions): Obj {
  const c: Obj = { name, image: image(rng, opts.imageName) };
  c.imagePullPolicy = rng.pick(['IfNotPresent', 'Always', 'IfNotPresent']);
  const ports: Obj[] = [];
  if (opts.daemon) {
    if (rng.chance(0.5)) c.args = [`--log-level=${rng.pick(['info', 'debug'])}`, `--path.rootfs=/host`, `--collector.interval=${rng.pick([10, 15, 30, 60])}s`];
    ports.push({ name: 'metrics', containerPort: rng.pick([9100, 2020, 8080, 9090, 4317]), protocol: 'TCP' });
    c.ports = ports;
    if (rng.chance(0.5)) ports.push({ name: 'health', containerPort: rng.pick([8081, 9808, 13133]), protocol: 'TCP' });
  } else if (rng.chance(0.6)) {
    c.command = ['/bin/sh', '-c'];
    c.args = [script(rng, opts.verb, opts.noun)];
  } else {
    c.command = [rng.pick(['/app/bin/worker', '/usr/local/bin/job', 'python', 'node'])];
    const args: Json[] = [opts.verb, `--target=${opts.noun}`, `--concurrency=${rng.int(1, 16)}`];
    c.args = args;
    if (rng.chance(0.5)) args.push('--dry-run=false');
  }
  c.env = envVars(rng, opts.team, opts.kind);
  if (rng.chance(0.3)) c.envFrom = [{ configMapRef: { name: `${opts.team}-env` } }];
  c.resources = resources(rng);
  const mounts: Obj[] = [];
  for (const v of opts.volumes) {
    const m: Obj = { name: v.name, mountPath: v.mountPath };
    if (v.readOnly) m.readOnly = true;
    if (v.subPath) m.subPath = v.subPath;
    mounts.push(m);
  }
  if (mounts.length) c.volumeMounts = mounts;
  if (opts.daemon) {
    const port = ports[ports.length - 1].containerPort;
    c.livenessProbe = { httpGet: { path: '/healthz', port }, initialDelaySeconds: 10, periodSeconds: 20, timeoutSeconds: 5, failureThreshold: 3 };
    c.readinessProbe = { httpGet: { path: '/ready', port }, periodSeconds: 10 };
    c.securityContext = rng.chance(0.4)
      ? { privileged: true }
      : { readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'], add: rng.sample(['SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'DAC_READ_SEARCH'], rng.int(0, 2)) } };
  } else if (rng.chance(0.6)) {
    c.securityContext = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: rng.chance(0.5), capabilities: { drop: ['ALL'] } };
  }
  if (rng.chance(0.15)) c.terminationMessagePolicy = 'FallbackToLogsOnError';
  return c;
}

function volumesFor(rng: Rng, team: string, name: string, daemon: boolean): Volume[] {
  const vols: Volume[] = [];
  if (rng.chance(0.7)) vols.push({ name: 'config', mountPath: `/etc/${name}`, readOnly: true, src: { configMap: { name: `${name}-config`, defaultMode: 420 } } });
  if (rng.chance(0.4)) vols.push({ name: 'credentials', mountPath: '/var/run/secrets/app', readOnly: true, src: { secret: { secretName: `${team}-credentials`, items: [{ key: 'service-account.json', path: 'sa.json' }] } } });
  if (rng.chance(0.5)) vols.push({ name: 'scratch', mountPath: '/data/tmp', src: { emptyDir: rng.chance(0.5) ? { sizeLimit: rng.pick(['1Gi', '10Gi']) } : { medium: 'Memory' } } });
  if (daemon) {
    vols.push({ name: 'varlog', mountPath: '/var/log', readOnly: true, src: { hostPath: { path: '/var/log' } } });
    if (rng.chance(0.6)) vols.push({ name: 'proc', mountPath: '/host/proc', readOnly: true, src: { hostPath: { path: '/proc' } } });
    if (rng.chance(0.6)) vols.push({ name: 'sys', mountPath: '/host/sys', readOnly: true, src: { hostPath: { path: '/sys' } } });
    if (rng.chance(0.3)) vols.push({ name: 'containerd-sock', mountPath: '/run/containerd/containerd.sock', src: { hostPath: { path: '/run/containerd/containerd.sock', type: 'Socket' } } });
  } else if (rng.chance(0.25)) {
    vols.push({ name: 'data', mountPath: '/data', src: { persistentVolumeClaim: { claimName: `${team}-data` } } });
  }
  return vols;
}

function tolerations(rng: Rng, daemon: boolean): Obj[] | undefined {
  if (daemon) {
    if (rng.chance(0.5)) return [{ operator: 'Exists' }];
    return [
      { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ...(rng.chance(0.5) ? [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }] : []),
    ];
  }
  const t: Obj[] = [];
  if (rng.chance(0.6)) t.push({ key: 'dedicated', operator: 'Equal', value: rng.pick(['batch', 'etl', 'ml']), effect: 'NoSchedule' });
  if (rng.chance(0.3)) t.push({ key: 'spot', operator: 'Equal', value: 'true', effect: 'NoSchedule' });
  if (rng.chance(0.2)) t.push({ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 });
  return t.length ? t : undefined;
}

function nodeSelector(rng: Rng, daemon: boolean): Obj {
  const ns: Obj = { 'kubernetes.io/os': 'linux' };
  if (!daemon && rng.chance(0.5)) ns['node.kubernetes.io/instance-type'] = rng.pick(INSTANCE_TYPES);
  if (rng.chance(0.3)) ns['topology.kubernetes.io/zone'] = rng.pick(ZONES);
  if (rng.chance(0.3)) ns['workload-class'] = daemon ? 'system' : rng.pick(['batch', 'memory-optimized', 'gpu']);
  return ns;
}

function labels(team: string, appName: string, component: string, rng: Rng): Record<string, string> {
  const l: Record<string, string> = {
    'app.kubernetes.io/name': appName,
    'app.kubernetes.io/instance': `${appName}-${rng.pick(['prod', 'staging', 'blue', 'green'])}`,
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/part-of': team,
    'app.kubernetes.io/managed-by': rng.pick(['Helm', 'kustomize', 'argocd']),
  };
  if (rng.chance(0.5)) l.team = team;
  if (rng.chance(0.3)) l['cost-center'] = `cc-${rng.int(1000, 9999)}`;
  return l;
}

/** A pod spec; `containers` is the same array as the spec's (the Job's misspelled-field mistake edits it). */
function podSpec(rng: Rng, ctx: Context, restartPolicy: string | undefined, daemon: boolean): { spec: Obj; containers: Obj[] } {
  const vols = volumesFor(rng, ctx.team, ctx.name, daemon);
  const spec: Obj = {};
  if (restartPolicy !== undefined) spec.restartPolicy = restartPolicy;
  spec.serviceAccountName = daemon ? ctx.name : rng.pick([`${ctx.team}-batch`, 'default', `${ctx.name}-sa`]);
  if (daemon && rng.chance(0.4)) {
    spec.hostNetwork = true;
    spec.hostPID = rng.chance(0.5);
    spec.dnsPolicy = 'ClusterFirstWithHostNet';
  }
  if (daemon) spec.priorityClassName = rng.pick(['system-node-critical', 'system-cluster-critical']);
  else if (rng.chance(0.3)) spec.priorityClassName = rng.pick(['batch-low', 'batch-high']);
  spec.nodeSelector = nodeSelector(rng, daemon);
  spec.tolerations = tolerations(rng, daemon);
  if (!daemon && rng.chance(0.25)) {
    spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: 'karpenter.sh/capacity-type', operator: 'In', values: ['spot', 'on-demand'] }] }],
        },
      },
    };
  }
  spec.securityContext =
    daemon && rng.chance(0.5)
      ? { runAsUser: 0 }
      : { runAsNonRoot: true, runAsUser: rng.pick([1000, 10001, 65534]), fsGroup: rng.pick([1000, 2000, 65534]), seccompProfile: { type: 'RuntimeDefault' } };
  if (rng.chance(0.3)) spec.imagePullSecrets = [{ name: 'registry-credentials' }];
  if (!daemon && rng.chance(0.25)) {
    spec.initContainers = [
      {
        name: 'wait-for-db',
        image: `busybox:1.36`,
        command: ['sh', '-c', `until nc -z ${ctx.team}-postgres 5432; do echo waiting; sleep 2; done`],
        resources: { requests: { cpu: '10m', memory: '16Mi' }, limits: { cpu: '50m', memory: '32Mi' } },
      },
    ];
  }
  const opts: ContainerOptions = { imageName: ctx.imageName, verb: ctx.verb, noun: ctx.noun, team: ctx.team, kind: ctx.kind, daemon, volumes: vols };
  const containers = [container(rng, 'main', opts)];
  spec.containers = containers;
  if (rng.chance(daemon ? 0.3 : 0.15)) {
    containers.push(container(rng, daemon ? 'config-reloader' : 'cloud-sql-proxy', { ...opts, imageName: daemon ? 'config-reloader' : 'cloud-sql-proxy', volumes: vols.slice(0, 1) }));
  }
  spec.terminationGracePeriodSeconds = rng.pick([30, 60, 120]);
  if (vols.length) spec.volumes = vols.map((v) => ({ name: v.name, ...v.src }));
  return { spec, containers };
}

function pickErrorType(rng: Rng, kind: string): string {
  const roll = rng.next();
  if (kind === 'Job') return roll < 0.6 ? 'job-restart-always' : roll < 0.8 ? 'schema-type' : 'schema-unknown-field';
  if (kind === 'CronJob') return roll < 0.55 ? 'bad-cron' : roll < 0.8 ? 'cronjob-restart-always' : roll < 0.9 ? 'schema-type' : 'schema-unknown-field';
  return roll < 0.7 ? 'selector-mismatch' : roll < 0.85 ? 'schema-type' : 'schema-unknown-field';
}

// The first 10 documents follow a fixed plan so that even the smallest file carries the three semantic
// mistakes (docs 3, 4, 5); after that kinds and mistakes are drawn at random.
const PLAN: readonly [string, string | null][] = [
  ['Job', null], ['CronJob', null], ['DaemonSet', null],
  ['Job', 'job-restart-always'], ['CronJob', 'bad-cron'], ['DaemonSet', 'selector-mismatch'],
  ['Job', null], ['CronJob', null], ['DaemonSet', null], ['CronJob', null],
];

interface Doc {
  readonly kind: string;
  readonly name: string;
  readonly obj: Obj;
  readonly errors: { type: string; path: string; detail: string }[];
  readonly comment: string | null;
  readonly seqIndent: boolean;
}

function makeDoc(rng: Rng, index: number, errorRate: number): Doc {
  const roll = rng.next();
  const kind = index < PLAN.length ? PLAN[index][0] : roll < 0.35 ? 'Job' : roll < 0.7 ? 'CronJob' : 'DaemonSet';
  const team = rng.pick(TEAMS);
  const verb = rng.pick(VERBS);
  const noun = rng.pick(NOUNS);
  const name = kind === 'DaemonSet' ? `${rng.pick(AGENTS)}-${index}` : `${team}-${verb}-${noun}-${index}`;
  const imageName = kind === 'DaemonSet' ? name.replace(/-\d+$/, '') : `${team}/${verb}-worker`;
  const ctx: Context = { team, verb, noun, name, imageName, kind };
  const drawn = rng.chance(errorRate) ? pickErrorType(rng, kind) : null;
  const errType = index < PLAN.length ? PLAN[index][1] : drawn;
  const errors: Doc['errors'] = [];
  const appLabels = labels(team, kind === 'DaemonSet' ? imageName : `${verb}-${noun}`, kind === 'DaemonSet' ? 'agent' : 'batch', rng);
  const metadata: Obj = { name, namespace: kind === 'DaemonSet' ? rng.pick(['kube-system', 'monitoring', 'logging']) : rng.pick(NAMESPACES), labels: appLabels };
  if (rng.chance(0.6)) {
    const annotations: Obj = {
      description: `${kind} ${verb} ${noun} for team ${team}`,
      'owner.example.com/slack': `#${team}-oncall`,
    };
    metadata.annotations = annotations;
    if (rng.chance(0.4)) annotations['checksum/config'] = hex(rng, 64);
  }

  let obj: Obj;
  if (kind === 'Job' || kind === 'CronJob') {
    const restart = errType === 'job-restart-always' || errType === 'cronjob-restart-always' ? 'Always' : rng.pick(['OnFailure', 'Never', 'Never']);
    const tmplLabels: Obj = { 'app.kubernetes.io/name': appLabels['app.kubernetes.io/name'], 'app.kubernetes.io/component': 'batch' };
    if (rng.chance(0.3)) tmplLabels['sidecar.istio.io/inject'] = 'false';
    const podMetadata: Obj = { labels: tmplLabels };
    const { spec: podSpecObj, containers } = podSpec(rng, ctx, restart, false);
    const pod: Obj = { metadata: podMetadata, spec: podSpecObj };
    if (rng.chance(0.3)) podMetadata.annotations = { 'cluster-autoscaler.kubernetes.io/safe-to-evict': 'false' };
    const jobSpec: Obj = {
      backoffLimit: rng.pick([0, 1, 3, 4, 6]),
      activeDeadlineSeconds: rng.chance(0.6) ? rng.pick([600, 1800, 3600, 14400]) : undefined,
      ttlSecondsAfterFinished: rng.chance(0.6) ? rng.pick([300, 3600, 86400]) : undefined,
      completions: rng.chance(0.3) ? rng.int(1, 10) : undefined,
      parallelism: rng.chance(0.3) ? rng.int(1, 4) : undefined,
      completionMode: rng.chance(0.1) ? 'Indexed' : undefined,
      template: pod,
    };
    const prefix = kind === 'Job' ? 'spec' : 'spec.jobTemplate.spec';
    if (errType === 'job-restart-always' || errType === 'cronjob-restart-always') {
      errors.push({ type: errType, path: `${prefix}.template.spec.restartPolicy`, detail: 'restartPolicy: Always is not allowed in a Job pod template (Never|OnFailure)' });
    }
    if (errType === 'schema-type') {
      jobSpec.backoffLimit = rng.pick(['three', 'six', 'none']);
      errors.push({ type: errType, path: `${prefix}.backoffLimit`, detail: `backoffLimit must be an integer, got "${jobSpec.backoffLimit}"` });
    }
    if (errType === 'schema-unknown-field') {
      // The misspelled key goes third, after name and image (spreading the rest keeps their places).
      const { imagePullPolicy, ...rest } = containers[0];
      containers[0] = { name: rest.name, image: rest.image, imagePulPolicy: imagePullPolicy, ...rest };
      errors.push({ type: errType, path: `${prefix}.template.spec.containers[0].imagePulPolicy`, detail: 'unknown field imagePulPolicy (did you mean imagePullPolicy?)' });
    }
    if (kind === 'Job') {
      obj = { apiVersion: 'batch/v1', kind: 'Job', metadata, spec: jobSpec };
    } else {
      const schedule = errType === 'bad-cron' ? rng.pick(BAD_CRON) : rng.pick(GOOD_CRON);
      if (errType === 'bad-cron') errors.push({ type: errType, path: 'spec.schedule', detail: `invalid cron schedule "${schedule}"` });
      obj = {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        metadata,
        spec: {
          schedule,
          timeZone: rng.chance(0.3) ? rng.pick(TIMEZONES) : undefined,
          concurrencyPolicy: rng.pick(['Forbid', 'Replace', 'Allow']),
          startingDeadlineSeconds: rng.chance(0.5) ? rng.pick([60, 200, 300]) : undefined,
          successfulJobsHistoryLimit: rng.int(1, 3),
          failedJobsHistoryLimit: rng.int(1, 5),
          suspend: rng.chance(0.1) ? true : undefined,
          jobTemplate: { metadata: rng.chance(0.3) ? { labels: { 'app.kubernetes.io/name': appLabels['app.kubernetes.io/name'] } } : undefined, spec: jobSpec },
        },
      };
    }
  } else {
    const selectorLabels: Obj = { 'app.kubernetes.io/name': appLabels['app.kubernetes.io/name'], 'app.kubernetes.io/instance': appLabels['app.kubernetes.io/instance'] };
    const tmplLabels: Obj = { ...selectorLabels };
    if (rng.chance(0.4)) tmplLabels['app.kubernetes.io/version'] = version(rng);
    if (errType === 'selector-mismatch') {
      if (rng.chance(0.5)) tmplLabels['app.kubernetes.io/name'] = `${selectorLabels['app.kubernetes.io/name']}-agent`;
      else delete tmplLabels['app.kubernetes.io/instance'];
      errors.push({ type: errType, path: 'spec.selector.matchLabels', detail: 'spec.selector does not match spec.template.metadata.labels' });
    }
    const podMetadata: Obj = { labels: tmplLabels };
    const { spec: podSpecObj, containers } = podSpec(rng, ctx, rng.chance(0.15) ? 'Always' : undefined, true);
    const pod: Obj = { metadata: podMetadata, spec: podSpecObj };
    if (rng.chance(0.5)) {
      const ports = containers[0].ports as Obj[];
      podMetadata.annotations = { 'prometheus.io/scrape': 'true', 'prometheus.io/port': String(ports[0].containerPort) };
    }
    const spec: Obj = {
      selector: { matchLabels: selectorLabels },
      updateStrategy: rng.chance(0.8) ? { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: rng.pick<string | number>([1, '10%', '25%']) } } : { type: 'OnDelete' },
      minReadySeconds: rng.chance(0.4) ? rng.pick([5, 10, 30]) : undefined,
      revisionHistoryLimit: rng.chance(0.5) ? 10 : undefined,
      template: pod,
    };
    if (errType === 'schema-type') {
      spec.minReadySeconds = rng.pick(['ten', '30s']);
      errors.push({ type: errType, path: 'spec.minReadySeconds', detail: `minReadySeconds must be an integer, got "${spec.minReadySeconds}"` });
    }
    if (errType === 'schema-unknown-field') {
      const s: Obj = { selector: spec.selector, replicas: rng.int(2, 5) };
      Object.assign(s, spec);
      errors.push({ type: errType, path: 'spec.replicas', detail: 'unknown field replicas (DaemonSetSpec has no replicas)' });
      obj = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata, spec: s };
    } else {
      obj = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata, spec };
    }
  }
  const comment = rng.chance(0.3) ? `# Source: ${team}/templates/${kind.toLowerCase()}-${verb}.yaml` : null;
  const seqIndent = rng.chance(0.5);
  return { kind, name, obj, errors, comment, seqIndent };
}

/** `docs` documents, each starting with `---`; the same `seed` and `errorRate` give the same text. */
export function generateManifests(docs: number, seed = 42, errorRate = 0.12): GeneratedManifests {
  const rng = new Rng(seed);
  const out: string[] = [];
  const truth: InjectedMistake[] = [];
  let line = 0; // lines emitted so far in the file
  for (let i = 0; i < docs; i++) {
    const d = makeDoc(rng, i, errorRate);
    const em = new Emitter(d.seqIndent);
    const header = ['---'];
    if (d.comment) header.push(d.comment);
    em.mapping(d.obj, 0, '');
    const base = line + header.length; // file line of doc line 1, minus 1
    for (const e of d.errors) {
      const l = em.paths.get(e.path);
      if (l === undefined) throw new Error(`internal: no line for ${e.path}`);
      truth.push({ doc: i, kind: d.kind, name: d.name, type: e.type, line: base + l, path: e.path, detail: e.detail });
    }
    out.push(header.join('\n'), '\n', em.lines.join('\n'), '\n');
    line += header.length + em.lines.length;
  }
  return { text: out.join(''), truth, lines: line };
}

/** The `.truth.json` beside each generated file, as the original generator writes it. */
export function truthJson(generated: GeneratedManifests, docs: number, seed = 42, errorRate = 0.12): string {
  const bytes = Buffer.byteLength(generated.text);
  return JSON.stringify({ seed, errorRate, docs, lines: generated.lines, bytes, errors: generated.truth }, null, 1) + '\n';
}
