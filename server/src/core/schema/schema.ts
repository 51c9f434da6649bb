/**
 * Typed access to the generated Kubernetes schema (k8s-schema.json, see SOURCE.md): every field of
 * batch/v1 Job and CronJob and apps/v1 DaemonSet, Deployment, ReplicaSet and StatefulSet, down to the leaves,
 * with the OpenAPI descriptions.
 */
import schemaJson from './k8s-schema.json';
import type { Path } from '../parse/path';

/**
 * How a value is decoded. `int-or-string`, `quantity`, `time` and `free-form` are Go types with their own
 * UnmarshalJSON (intstr.IntOrString, resource.Quantity, metav1.Time/MicroTime, runtime.RawExtension and
 * metav1.FieldsV1), so their JSON shape is not a plain OpenAPI type.
 */
export type TypeKind =
  | 'string'
  | 'int32'
  | 'int64'
  | 'number'
  | 'boolean'
  | 'int-or-string'
  | 'quantity'
  | 'time'
  | 'free-form'
  | 'ref'
  | 'array'
  | 'map';

export interface TypeSchema {
  readonly t: TypeKind;
  /** `ref`: the definition name, e.g. `io.k8s.api.batch.v1.JobSpec`. */
  readonly r?: string;
  /** `array`: the item type; `map`: the value type (keys are strings). */
  readonly i?: TypeSchema;
  /** `string`: the allowed values, when the API declares them (`+enum`). */
  readonly e?: readonly string[];
  /** The Go type name when it is a named type (`v1.RestartPolicy`, `v1.ResourceList`, `types.UID`). */
  readonly go?: string;
}

export interface PropertySchema extends TypeSchema {
  /** The OpenAPI description. */
  readonly d?: string;
  /** The Go name of the inline-embedded struct the field is promoted from (`VolumeSource`, `TypeMeta`). */
  readonly emb?: string;
}

export interface DefinitionSchema {
  /** The Go type as reflect prints it: `v1.JobSpec` (package name, dot, struct name). */
  readonly go: string;
  readonly d?: string;
  /** Fields the OpenAPI schema marks as required. */
  readonly req?: readonly string[];
  /** Fields by their JSON name. */
  readonly p: Readonly<Record<string, PropertySchema>>;
}

export interface K8sSchema {
  /** The Kubernetes minor version the definitions describe, e.g. `1.36`. */
  readonly kubernetesVersion: string;
  /** The npm package they were generated from. */
  readonly source: string;
  /** `apiVersion/kind` (e.g. `batch/v1/Job`) -> definition name. */
  readonly roots: Readonly<Record<string, string>>;
  readonly definitions: Readonly<Record<string, DefinitionSchema>>;
}

const SCHEMA: K8sSchema = schemaJson as unknown as K8sSchema;

/** The whole schema, for tools that walk it. */
export const k8sSchema: K8sSchema = SCHEMA;

/** The Kubernetes version the schema was generated from (`1.36`). */
export const schemaKubernetesVersion: string = SCHEMA.kubernetesVersion;

/**
 * API versions the API server no longer serves for these kinds. Their objects were converted to the v1
 * shape on upgrade, so the v1 definition is the best field knowledge for them (the apiVersion itself is a
 * rule's business). apps/v1beta1 never served DaemonSet or ReplicaSet, extensions/v1beta1 never served
 * StatefulSet; they are listed because manifests try them.
 */
const REMOVED_API_VERSIONS: Readonly<Record<string, string>> = {
  'batch/v1beta1/CronJob': 'batch/v1/CronJob',
  'batch/v2alpha1/CronJob': 'batch/v1/CronJob',
  'extensions/v1beta1/DaemonSet': 'apps/v1/DaemonSet',
  'apps/v1beta1/DaemonSet': 'apps/v1/DaemonSet',
  'apps/v1beta2/DaemonSet': 'apps/v1/DaemonSet',
  'extensions/v1beta1/Deployment': 'apps/v1/Deployment',
  'apps/v1beta1/Deployment': 'apps/v1/Deployment',
  'apps/v1beta2/Deployment': 'apps/v1/Deployment',
  'extensions/v1beta1/ReplicaSet': 'apps/v1/ReplicaSet',
  'apps/v1beta1/ReplicaSet': 'apps/v1/ReplicaSet',
  'apps/v1beta2/ReplicaSet': 'apps/v1/ReplicaSet',
  'extensions/v1beta1/StatefulSet': 'apps/v1/StatefulSet',
  'apps/v1beta1/StatefulSet': 'apps/v1/StatefulSet',
  'apps/v1beta2/StatefulSet': 'apps/v1/StatefulSet',
};

/** The root definition for a manifest's apiVersion and kind, or undefined for kinds the linter does not know. */
export function rootDefinitionFor(apiVersion: string, kind: string): string | undefined {
  const key = `${apiVersion}/${kind}`;
  return SCHEMA.roots[REMOVED_API_VERSIONS[key] ?? key];
}

/** A definition by name (`io.k8s.api.core.v1.PodSpec`). */
export function definition(name: string): DefinitionSchema | undefined {
  return Object.prototype.hasOwnProperty.call(SCHEMA.definitions, name) ? SCHEMA.definitions[name] : undefined;
}

/** A field of a definition by its JSON name. */
export function property(definitionName: string, field: string): PropertySchema | undefined {
  const def = definition(definitionName);
  return def && Object.prototype.hasOwnProperty.call(def.p, field) ? def.p[field] : undefined;
}

/** The type of the value at `path` below an object of definition `root`; undefined if the path leaves the schema. */
export function typeAt(root: string, path: Path): TypeSchema | undefined {
  return walk(root, path)?.type;
}

export interface PropertyLookup {
  /** The definition that declares the field. */
  readonly definition: string;
  /** The field's JSON name. */
  readonly name: string;
  readonly property: PropertySchema;
}

/**
 * The field at `path` below an object of definition `root`: `propertyAt(job, ['spec', 'template', 'spec',
 * 'containers', 0, 'image'])` is Container.image. Undefined when the path ends on a list item or map value
 * rather than a field, or leaves the schema.
 */
export function propertyAt(root: string, path: Path): PropertyLookup | undefined {
  return walk(root, path)?.field;
}

function walk(root: string, path: Path): { type: TypeSchema; field?: PropertyLookup } | undefined {
  if (!definition(root)) return undefined;
  let type: TypeSchema = { t: 'ref', r: root };
  let field: PropertyLookup | undefined;
  for (const segment of path) {
    if (type.t === 'ref' && typeof segment === 'string' && type.r !== undefined) {
      const found = property(type.r, segment);
      if (!found) return undefined;
      field = { definition: type.r, name: segment, property: found };
      type = found;
    } else if (type.t === 'array' && typeof segment === 'number' && type.i) {
      field = undefined;
      type = type.i;
    } else if (type.t === 'map' && type.i) {
      field = undefined;
      type = type.i;
    } else {
      return undefined;
    }
  }
  return { type, field };
}

/**
 * The Go type of a value as encoding/json names it in `cannot unmarshal ... of type <T>`:
 * `int32`, `[]string`, `map[string]string`, `v1.Container`, `[]v1.Container`, `v1.RestartPolicy`.
 */
export function goTypeName(type: TypeSchema): string {
  if (type.go !== undefined) return type.go;
  switch (type.t) {
    case 'string':
      return 'string';
    case 'int32':
    case 'int64':
      return type.t;
    case 'number':
      return 'float64';
    case 'boolean':
      return 'bool';
    case 'int-or-string':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'free-form':
      return 'runtime.RawExtension';
    case 'ref':
      return (type.r !== undefined && definition(type.r)?.go) || 'struct';
    case 'array':
      return `[]${type.i ? goTypeName(type.i) : 'interface {}'}`;
    case 'map':
      return `map[string]${type.i ? goTypeName(type.i) : 'interface {}'}`;
  }
}

/** The Go struct name of a definition, as encoding/json prints it before the field path (`JobSpec`). */
export function goStructName(definitionName: string): string {
  const go = definition(definitionName)?.go ?? definitionName;
  return go.slice(go.lastIndexOf('.') + 1);
}
