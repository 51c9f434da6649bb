/** Words of the checks that look across documents (a StatefulSet's governing Service). */
import { defineCatalog } from '../../i18n';

export const crossDocumentText = defineCatalog(
  'rules.crossDocument',
  {
    serviceNotFound:
      'no Service named "{service}" among the manifests checked with this StatefulSet (this file, its workspace folder or the files linted together). ' +
      'Add a headless Service (clusterIP: None) of that name, or correct serviceName.',
    serviceNotHeadless:
      'the Service "{service}" is not headless (its spec.clusterIP is {clusterIP}, not "None"): it balances traffic over the pods but gives them no names of their own. ' +
      'Set clusterIP: None on it (a new Service: the field cannot be changed later), or point serviceName at a headless one.',
    serviceInOtherNamespace:
      'the only Service named "{service}" is in namespace "{serviceNamespace}", not "{namespace}": a StatefulSet is governed by a Service in its own namespace.',
    dnsNote:
      'The pods get stable DNS names (<pod>.{service}, e.g. {pod}.{service}) only through a headless Service of that name governing the set; without one, peers that find each other by those names cannot resolve them.',
    clusterIPUnset: 'not set (a cluster IP is allocated)',
  },
  {
    serviceNotFound:
      '与此 StatefulSet 一同检查的清单（本文件、所在工作区文件夹或一起 lint 的文件）中没有名为 "{service}" 的 Service。' +
      '请添加一个同名的无头 Service（`clusterIP: None`），或更正 `serviceName`。',
    serviceNotHeadless:
      'Service "{service}" 不是无头 Service（其 `spec.clusterIP` 为 {clusterIP}，而不是 "None"）：它只在 Pod 之间分发流量，不会为每个 Pod 提供单独的名称。' +
      '请在该 Service 上设置 `clusterIP: None`（需要新建 Service：此字段创建后不能修改），或让 `serviceName` 指向一个无头 Service。',
    serviceInOtherNamespace:
      '名为 "{service}" 的 Service 只存在于命名空间 "{serviceNamespace}"，而不是 "{namespace}"：StatefulSet 只能由其所在命名空间中的 Service 管理。',
    dnsNote:
      '只有存在管理该集合的同名无头 Service 时，Pod 才有稳定的 DNS 名称（<pod>.{service}，例如 {pod}.{service}）；否则依靠这些名称互相发现的对端无法解析它们。',
    clusterIPUnset: '未设置（会分配一个集群 IP）',
  },
);
