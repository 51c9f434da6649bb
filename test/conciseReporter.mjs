// A node:test reporter that keeps `npm test` readable: a dot per passing test, every failure in full (name,
// file:line:col, the error with its diff and stack, the output of a test file that crashed), the skipped tests
// one line per reason, todo tests one line each, and then node's own summary lines exactly as the TAP reporter prints them
// (`# tests N` ... `# duration_ms N`), last, because CI reads the closing lines.
//
// Usage: node --test --test-reporter=./test/conciseReporter.mjs <files or folders>
// The exit code is node --test's own: non-zero when a test fails, whatever the reporter prints.
import path from 'node:path';

const DOTS_PER_LINE = 80;
/** The counters node --test reports as top-level diagnostics at the end of a run, in its order. */
const SUMMARY = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) /;
/** Output kept per test file, printed only when the file itself fails (a crash before or between tests). */
const MAX_OUTPUT_LINES = 200;

function where(data) {
  if (!data.file) return '';
  const file = path.relative(process.cwd(), data.file) || data.file;
  return data.line === undefined ? file : `${file}:${data.line}:${data.column ?? 1}`;
}

function indent(text, prefix = '  ') {
  return text.replace(/\n+$/, '').split('\n').map((line) => (line ? prefix + line : prefix.trimEnd())).join('\n');
}

/** The error a test threw (node wraps it in ERR_TEST_FAILURE with the original as `cause`), message and stack. */
function describeError(error) {
  if (error === undefined || error === null) return '';
  const cause = error.code === 'ERR_TEST_FAILURE' && error.cause !== undefined ? error.cause : error;
  if (!(cause instanceof Error) && typeof cause?.stack !== 'string') return String(cause);
  const text = typeof cause.stack === 'string' && cause.stack.includes(cause.message) ? cause.stack : `${cause.name}: ${cause.message}\n${cause.stack ?? ''}`;
  // Node's own frames (the test runner, async hooks, promise plumbing) say nothing about the test.
  return text.split('\n').filter((line) => !/^\s+at (.*\(node:|node:|.*\(<anonymous>\)$)/.test(line)).join('\n');
}

function shorten(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * Skipped tests grouped by their reason, one line per reason with the count and the first test's name: the
 * upstream table tests skip hundreds of cases for a few dozen reasons (update-only validation, ...).
 */
function skippedByReason(skipped) {
  if (skipped.length === 0) return '';
  const groups = new Map();
  for (const test of skipped) {
    const reason = typeof test.skip === 'string' && test.skip ? test.skip : '(no reason given)';
    const group = groups.get(reason) ?? { count: 0, first: test };
    group.count++;
    groups.set(reason, group);
  }
  const lines = [...groups].map(([reason, { count, first }]) => {
    const example = `${shorten(first.label, 70)}${count > 1 ? `, +${count - 1}` : ''}`;
    return `  ${String(count).padStart(3)} × ${shorten(reason, 110)}  [${example}]`;
  });
  return `\nskipped ${skipped.length}, by reason:\n${lines.join('\n')}\n`;
}

export default async function* conciseReporter(source) {
  const names = new Map(); // file -> names of the tests being run, by nesting
  const output = new Map(); // file -> its stdout/stderr lines
  const failed = [];
  const skipped = [];
  const todo = [];
  const summary = [];
  let column = 0;

  const newline = () => {
    const text = column > 0 ? '\n' : '';
    column = 0;
    return text;
  };
  // The names of the enclosing suites, read when the event arrives (the stack moves on with later tests).
  const label = (data) => {
    const isFile = data.nesting === 0 && data.file && path.resolve(data.name) === path.resolve(data.file);
    if (isFile) return `test file ${where({ file: data.file })}`;
    return [...(names.get(data.file) ?? []).slice(0, data.nesting), data.name].join(' > ');
  };
  const record = (data) => ({ ...data, label: label(data) });

  for await (const { type, data } of source) {
    switch (type) {
      case 'test:start': {
        const stack = names.get(data.file) ?? [];
        stack.length = data.nesting;
        stack[data.nesting] = data.name;
        names.set(data.file, stack);
        break;
      }
      case 'test:stdout':
      case 'test:stderr': {
        const lines = output.get(data.file) ?? [];
        if (lines.length < MAX_OUTPUT_LINES) lines.push(data.message.replace(/\n$/, ''));
        output.set(data.file, lines);
        break;
      }
      case 'test:pass': {
        if (data.todo !== undefined) todo.push(record(data));
        else if (data.skip !== undefined) skipped.push(record(data));
        else if (data.details?.type !== 'suite') {
          column++;
          yield column >= DOTS_PER_LINE ? (column = 0, '.\n') : '.';
        }
        break;
      }
      case 'test:fail': {
        if (data.todo !== undefined) {
          todo.push(record(data));
          break;
        }
        const error = data.details?.error;
        // A suite "fails" when a test inside it failed: that test is reported on its own.
        if (error?.failureType === 'subtestsFailed') break;
        const failure = record(data);
        failed.push(failure);
        const isFile = failure.label.startsWith('test file ');
        let text = `${newline()}\n✖ ${failure.label}${isFile ? ' failed' : ''}\n  at ${where(data)}\n${indent(describeError(error))}\n`;
        if (isFile && output.has(data.file)) text += `  output of ${where({ file: data.file })}:\n${indent(output.get(data.file).join('\n'), '  | ')}\n`;
        yield text;
        break;
      }
      case 'test:diagnostic': {
        if (data.nesting === 0 && SUMMARY.test(data.message)) summary.push(data.message);
        else yield `${newline()}# ${data.message}${data.file ? ` (${where(data)})` : ''}\n`;
        break;
      }
      default:
        break;
    }
  }

  let closing = newline();
  const list = (title, tests, reasonOf) => {
    if (tests.length === 0) return '';
    const lines = tests.map((t) => {
      const reason = reasonOf(t);
      return `  - ${t.label}${typeof reason === 'string' && reason ? ` (${reason})` : ''}  ${where(t)}`;
    });
    return `\n${title} ${tests.length}:\n${lines.join('\n')}\n`;
  };
  closing += skippedByReason(skipped);
  closing += list('todo', todo, (t) => t.todo);
  closing += list('failed', failed, () => '');
  closing += `\n${summary.map((line) => `# ${line}`).join('\n')}\n`;
  yield closing;
}
