/**
 * Probe and lifecycle handlers of pkg/apis/core/validation/validation.go: validateHandler (exactly one
 * handler type), validateExecAction, validateHTTPGetAction, ValidatePortNumOrName, validateTCPSocketAction,
 * validateGRPCAction and validateSleepAction.
 */
import type { RuleFinding } from '../../rule';
import { num, str } from './errorBodies';
import type { FieldPath } from './fieldPath';
import { isHttpHeaderName, isValidPortName, isValidPortNum } from './formats';
import type { PodContext } from './podContext';
import type { Handler, IntOrString } from './types';

/** ValidatePortNumOrName: a number is a port number, a string a port name (a missing port is 0). */
export function portNumOrName(pod: PodContext, port: IntOrString | undefined, path: FieldPath): RuleFinding[] {
  const e = pod.errors;
  if (typeof port === 'string') return isValidPortName(port).map((msg) => path.finding(e.invalid(str(port), msg)));
  const value = port ?? 0;
  return isValidPortNum(value).map((msg) => path.finding(e.invalid(num(value), msg)));
}

/**
 * validateSleepAction. The sleep handler is dropped while PodLifecycleSleepAction is off (before 1.30);
 * zero seconds are allowed once PodLifecycleSleepActionAllowZero is on (1.33), and the message names that
 * gate from 1.32, where it was introduced.
 */
function sleepAction(pod: PodContext, seconds: number, path: FieldPath): RuleFinding[] {
  const grace = pod.spec.terminationGracePeriodSeconds;
  if (grace === undefined) return [];
  const e = pod.errors;
  if (pod.atLeast(33)) {
    if (seconds < 0 || seconds > grace) return [path.finding(e.invalid(num(seconds), `must be non-negative and less than terminationGracePeriodSeconds (${grace})`))];
    return [];
  }
  if (seconds > 0 && seconds <= grace) return [];
  const detail = pod.atLeast(32)
    ? `must be greater than 0 and less than terminationGracePeriodSeconds (${grace}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`
    : `must be greater than 0 and less than terminationGracePeriodSeconds (${grace})`;
  return [path.finding(e.invalid(num(seconds), detail))];
}

/** validateHandler over the handler types a probe (exec, httpGet, tcpSocket, grpc) or a lifecycle hook (exec, httpGet, tcpSocket, sleep) has. */
export function validateHandler(pod: PodContext, handler: Handler, path: FieldPath, kind: 'probe' | 'lifecycle'): RuleFinding[] {
  const e = pod.errors;
  const findings: RuleFinding[] = [];
  let count = 0;
  const one = (field: keyof Handler, check: () => RuleFinding[]): void => {
    if (count > 0) findings.push(path.child(field).finding(e.forbidden('may not specify more than 1 handler type')));
    else {
      count++;
      findings.push(...check());
    }
  };
  if (handler.exec) {
    const exec = handler.exec;
    one('exec', () => ((exec.command ?? []).length === 0 ? [path.child('exec').child('command').finding(e.required())] : []));
  }
  if (handler.httpGet) {
    const http = handler.httpGet;
    one('httpGet', () => {
      const at = path.child('httpGet');
      const out: RuleFinding[] = [];
      if (!http.path) out.push(at.child('path').finding(e.required()));
      out.push(...portNumOrName(pod, http.port, at.child('port')));
      const scheme = http.scheme ?? '';
      if (scheme !== 'HTTP' && scheme !== 'HTTPS') out.push(at.child('scheme').finding(e.notSupported(str(scheme), ['HTTP', 'HTTPS'])));
      (http.httpHeaders ?? []).forEach((header, i) => {
        const name = header?.name ?? '';
        // Reported at `httpGet.httpHeaders`, without the index.
        const headerPath = at.child('httpHeaders').index(i).child('name').withGo(`${at.go}.httpHeaders`);
        for (const msg of isHttpHeaderName(name)) out.push(headerPath.finding(e.invalid(str(name), msg)));
      });
      return out;
    });
  }
  if (handler.tcpSocket) {
    const tcp = handler.tcpSocket;
    one('tcpSocket', () => portNumOrName(pod, tcp.port, path.child('tcpSocket').child('port')));
  }
  if (kind === 'probe' && handler.grpc) {
    const grpc = handler.grpc;
    one('grpc', () => portNumOrName(pod, grpc.port ?? 0, path.child('grpc').child('port')));
  }
  if (kind === 'lifecycle' && handler.sleep && pod.atLeast(30)) {
    const sleep = handler.sleep;
    one('sleep', () => sleepAction(pod, sleep.seconds ?? 0, path.child('sleep')));
  }
  if (count === 0) findings.push(path.finding(e.required('must specify a handler type')));
  return findings;
}
