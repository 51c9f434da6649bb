import { podContext } from './helpers/podSpec/podContext';
import { validateVolumes } from './helpers/podSpec/volumes';
import type { Rule } from './rule';

/**
 * Pod template volumes: a valid, unique DNS-label name and exactly one valid volume source (hostPath,
 * emptyDir, configMap, secret, persistentVolumeClaim, projected, downwardAPI, csi, ephemeral and the
 * in-tree plugins), as far as each source's own fields go.
 * pkg/apis/core/validation/validation.go: ValidateVolumes, validateVolumeSource and the validate*VolumeSource functions.
 */
export const podVolumes: Rule = {
  meta: {
    id: 'pod-volumes',
    severity: 'error',
    kinds: ['Job', 'CronJob', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    description: 'Pod template volumes: valid unique names and exactly one valid volume source per volume.',
  },
  check(context) {
    const pod = podContext(context);
    return pod ? validateVolumes(pod).findings : [];
  },
};
