import { str, stringSlice } from './helpers/podSpec/errorBodies';
import { INVALID_IP, byteLength, isDns1123Label, isDns1123Subdomain, isDns1123SubdomainWithUnderscore, isIp } from './helpers/podSpec/formats';
import { podContext, type PodContext } from './helpers/podSpec/podContext';
import type { Rule, RuleFinding } from './rule';

/**
 * Pod DNS settings: dnsPolicy, dnsConfig (nameservers, searches, options; required for dnsPolicy None),
 * hostname and subdomain (DNS labels) and hostAliases (IP addresses and DNS subdomain host names).
 * pkg/apis/core/validation/validation.go: validateDNSPolicy, validatePodDNSConfig, ValidateHostAliases and
 * ValidatePodSpec's hostname / subdomain checks.
 */
export const podDns: Rule = {
  meta: {
    id: 'pod-dns',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Pod DNS: a supported dnsPolicy, a valid dnsConfig (required for dnsPolicy None), DNS-label hostname/subdomain, valid hostAliases.',
  },
  check(context) {
    const pod = podContext(context);
    if (!pod) return [];
    const e = pod.errors;
    const findings: RuleFinding[] = [];
    const policy = pod.spec.dnsPolicy ?? '';
    const policyPath = pod.path.child('dnsPolicy');
    const policies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
    if (policy === '') findings.push(policyPath.finding(e.required()));
    else if (!policies.includes(policy)) findings.push(policyPath.finding(e.notSupported(str(policy), policies)));
    findings.push(...dnsConfig(pod));
    for (const field of ['hostname', 'subdomain'] as const) {
      const value = pod.spec[field];
      if (value) for (const msg of isDns1123Label(value)) findings.push(pod.path.child(field).finding(e.invalid(str(value), msg)));
    }
    (pod.spec.hostAliases ?? []).forEach((alias, i) => {
      const at = pod.path.child('hostAliases').index(i);
      const ip = alias?.ip ?? '';
      if (!isIp(ip)) findings.push(at.child('ip').finding(e.invalid(str(ip), INVALID_IP)));
      (alias?.hostnames ?? []).forEach((hostname, j) => {
        for (const msg of isDns1123Subdomain(hostname)) findings.push(at.child('hostnames').index(j).finding(e.invalid(str(hostname), msg)));
      });
    });
    return findings;
  },
};

/** validatePodDNSConfig. Searches are checked the relaxed way (RelaxedDNSSearchValidation) from 1.33. */
function dnsConfig(pod: PodContext): RuleFinding[] {
  const e = pod.errors;
  const config = pod.spec.dnsConfig;
  const path = pod.path.child('dnsConfig');
  if (pod.spec.dnsPolicy === 'None') {
    if (!config) return [path.finding(e.required('must provide `dnsConfig` when `dnsPolicy` is None'))];
    if ((config.nameservers ?? []).length === 0) return [path.child('nameservers').finding(e.required('must provide at least one DNS nameserver when `dnsPolicy` is None'))];
  }
  if (!config) return [];
  const findings: RuleFinding[] = [];
  const nameservers = config.nameservers ?? [];
  if (nameservers.length > 3) findings.push(path.child('nameservers').finding(e.invalid(stringSlice(nameservers), 'must not have more than 3 nameservers')));
  nameservers.forEach((ns, i) => {
    if (!isIp(ns)) findings.push(path.child('nameservers').index(i).finding(e.invalid(str(ns), INVALID_IP)));
  });
  const searches = config.searches ?? [];
  if (searches.length > 32) findings.push(path.child('searches').finding(e.invalid(stringSlice(searches), 'must not have more than 32 search paths')));
  if (byteLength(searches.join(' ')) > 2048) {
    findings.push(path.child('searches').finding(e.invalid(stringSlice(searches), 'must not have more than 2048 characters (including spaces) in the search list')));
  }
  searches.forEach((search, i) => {
    const at = path.child('searches').index(i);
    if (pod.atLeast(33)) {
      if (search === '.') return;
      const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
      for (const msg of isDns1123SubdomainWithUnderscore(trimmed)) findings.push(at.finding(e.invalid(str(trimmed), msg)));
    } else {
      const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
      for (const msg of isDns1123Subdomain(trimmed)) findings.push(at.finding(e.invalid(str(trimmed), msg)));
    }
  });
  (config.options ?? []).forEach((option, i) => {
    if (!option?.name) findings.push(path.child('options').index(i).finding(e.required('must not be empty')));
  });
  return findings;
}
