/**
 * `kubectl explain` for one field: its type, the API server's default and the OpenAPI description.
 * Used by hover and completion; pure.
 */
import { hoverText } from './i18n/hover';
import type { Locale } from './i18n/locale';
import { applyDefaults } from './model/defaults';
import type { Workload, WorkloadKind } from './model/types';
import type { Path } from './parse/path';
import { definition, propertyAt, rootDefinitionFor, typeAt, type TypeSchema } from './schema/schema';

export interface FieldExplanation {
  readonly name: string;
  /** `Job.spec.backoffLimit` style, as kubectl explain heads its output. */
  readonly title: string;
  /** kubectl explain's type words: `integer`, `string`, `boolean`, `Object`, `[]Object`, `map[string]string`, `IntOrString`, `Quantity`. */
  readonly type: string;
  readonly enumValues?: readonly string[];
  /** The value the API server's defaulting gives an object that leaves the field out, as YAML text. */
  readonly defaultValue?: string;
  readonly description?: string;
  readonly required: boolean;
  /** Where the API server's validation for this kind narrows what the schema allows: what it checks, and where. */
  readonly validation?: string;
}

export function explainField(apiVersion: string, kind: WorkloadKind, path: Path): FieldExplanation | undefined {
  const root = rootDefinitionFor(apiVersion, kind);
  if (!root) return undefined;
  const found = propertyAt(root, path);
  if (!found) return undefined;
  const fieldNames = path.filter((segment): segment is string => typeof segment === 'string');
  return {
    name: found.name,
    title: [kind, ...fieldNames].join('.'),
    type: typeWord(found.property),
    enumValues: found.property.e,
    defaultValue: defaultAt(kind, path),
    description: found.property.d,
    required: definition(found.definition)?.req?.includes(found.name) ?? false,
  };
}

/**
 * The hover's card: explainField with what the API server's validation adds for this kind. The OpenAPI schema
 * (and SetDefaults_PodSpec) describe restartPolicy for any pod; a Job's pods and a DaemonSet's are narrower.
 * Completion keeps the schema's view (explainField). `validation` is in `locale`; the schema's description stays
 * as the OpenAPI definitions write it.
 */
export function explainCard(apiVersion: string, kind: WorkloadKind, path: Path, locale?: Locale): FieldExplanation | undefined {
  const field = explainField(apiVersion, kind, path);
  if (!field) return undefined;
  const where = path.filter((segment): segment is string => typeof segment === 'string').join('.');
  if ((kind === 'Job' && where === 'spec.template.spec.restartPolicy') || (kind === 'CronJob' && where === 'spec.jobTemplate.spec.template.spec.restartPolicy')) {
    return {
      ...field,
      enumValues: ['OnFailure', 'Never'],
      defaultValue: undefined,
      required: true,
      // The pod's text says "Default to Always", which a Job's pods may not use.
      description: field.description?.replace(/ Default to Always\./, ' A Job\'s pods have no default: set OnFailure or Never.'),
      validation: hoverText.t(locale, 'jobRestartPolicy'),
    };
  }
  if (kind === 'DaemonSet' && where === 'spec.template.spec.restartPolicy') {
    return {
      ...field,
      enumValues: ['Always'],
      validation: hoverText.t(locale, 'daemonSetRestartPolicy'),
    };
  }
  return field;
}

/** The fields that may stand in the mapping at `path` (the mapping itself, not a field in it). */
export function fieldsAt(apiVersion: string, kind: WorkloadKind, path: Path): readonly string[] {
  const root = rootDefinitionFor(apiVersion, kind);
  if (!root) return [];
  const type: TypeSchema | undefined = path.length === 0 ? { t: 'ref', r: root } : typeAt(root, path);
  if (type?.t !== 'ref' || type.r === undefined) return [];
  return Object.keys(definition(type.r)?.p ?? {});
}

export function typeWord(type: TypeSchema): string {
  switch (type.t) {
    case 'string':
    case 'time':
      return 'string';
    case 'int32':
    case 'int64':
      return 'integer';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'int-or-string':
      return 'IntOrString';
    case 'quantity':
      return 'Quantity';
    case 'free-form':
      return 'Object';
    case 'ref':
      return 'Object';
    case 'array':
      return `[]${type.i ? typeWord(type.i) : 'Object'}`;
    case 'map':
      return `map[string]${type.i ? typeWord(type.i) : 'Object'}`;
  }
}

/**
 * Reads the default off an otherwise empty object of the kind after defaulting, so the documented
 * default is exactly what defaults.ts applies (list items stand for the first item).
 */
function defaultAt(kind: WorkloadKind, path: Path): string | undefined {
  let value: unknown = applyDefaults({ kind } as Workload);
  for (const segment of path) {
    if (typeof segment === 'number' || value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  if (value === undefined || typeof value === 'object') return undefined;
  return typeof value === 'string' ? value : String(value);
}

