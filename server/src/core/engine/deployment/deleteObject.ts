/**
 * `kubectl delete deployment/<name>` or `kubectl delete replicaset/<name>`: kubectl's default propagation is
 * Background (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go, DeletePropagationBackground), so the API
 * server removes the object at once and the garbage collector (pkg/controller/garbagecollector) deletes its
 * dependents, the objects whose ownerReferences name it: a Deployment's ReplicaSets, and a ReplicaSet's pods.
 * The collector works within moments of the deletion; the simulation does it at the same instant.
 */
import type { Cluster } from '../cluster';
import type { AppsObjects } from './objects';

export function deleteAppsObject(objects: AppsObjects, cluster: Cluster, now: number): void {
  objects.deletedAt = now;
  for (const rs of objects.liveReplicaSets()) {
    objects.deleteReplicaSet(rs.name, now);
    for (const pod of cluster.podsOf({ kind: 'ReplicaSet', name: rs.name })) {
      if (pod.deletionTimestamp === null) cluster.deletePod(pod, now, `garbage-collector: owner ReplicaSet ${rs.name} deleted`);
    }
  }
  // The Deployment controller hears of the deletion (deleteDeployment) and finds nothing left to sync.
  objects.notify('deployment', 'deleted', objects.name);
}
