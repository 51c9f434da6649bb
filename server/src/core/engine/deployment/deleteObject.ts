/**
 * `kubectl delete deployment/<name>` or `kubectl delete replicaset/<name>`: kubectl's default propagation is
 * Background (staging/src/k8s.io/kubectl/pkg/cmd/delete/delete.go, DeletePropagationBackground), so the API
 * server removes the object at once and the garbage collector (pkg/controller/garbagecollector) deletes its
 * dependents, the objects whose ownerReferences name it: a Deployment's ReplicaSets, and a ReplicaSet's pods.
 */
import type { Cluster } from '../cluster';
import type { Controller } from '../controller';
import { DeletedOwnerCollector } from './garbageCollector';
import type { AppsObjects } from './objects';

/** The API server's part: the object is gone; the controllers hear of it. */
export function deleteAppsObject(objects: AppsObjects, now: number): void {
  objects.deletedAt = now;
  // A bare ReplicaSet is the object itself; a Deployment's deletion is heard by its controller (deleteDeployment).
  if (objects.kind === 'ReplicaSet') objects.deleteReplicaSet(objects.name, now);
  else objects.notify('deployment', 'deleted', objects.name);
}

/** The garbage collector's part: a deleted Deployment's ReplicaSets, and the pods of every deleted owner ReplicaSet. */
export function appsGarbageCollector(objects: AppsObjects, cluster: Cluster): Controller {
  let collected = false;
  return new DeletedOwnerCollector(
    objects.name,
    () => objects.deletedAt !== null && !collected,
    (now) => {
      collected = true;
      const owners = objects.kind === 'ReplicaSet' ? [objects.name] : objects.liveReplicaSets().map((rs) => rs.name);
      for (const name of owners) {
        if (objects.kind === 'Deployment') objects.deleteReplicaSet(name, now);
        for (const pod of cluster.podsOf({ kind: 'ReplicaSet', name })) {
          if (pod.deletionTimestamp === null) cluster.deletePod(pod, now, `garbage-collector: owner ReplicaSet ${name} deleted`);
        }
      }
    },
  );
}
