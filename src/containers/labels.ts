import { hostname } from 'node:os';

/** Label set on every container, network and image tracespec creates; the key cleanup looks for. */
export const MANAGED_LABEL = 'dev.tracespec.managed';
/** Pid of the process that created a resource; a resource whose owner is gone is a leftover. */
export const OWNER_PID_LABEL = 'dev.tracespec.owner-pid';
/** Host name of the owning process, so a pid is only judged on the machine where it lives. */
export const OWNER_HOST_LABEL = 'dev.tracespec.owner-host';
/** What the resource is: `service`, `network` or `node-image`. */
export const KIND_LABEL = 'dev.tracespec.kind';
/** Service name of a container. */
export const SERVICE_LABEL = 'dev.tracespec.service';

/**
 * Name of this machine in owner labels: `TRACESPEC_OWNER_HOST` when set (machines sharing one engine under the
 * same host name, or a run whose leftovers must only be cleaned on purpose), else the host name.
 */
export function ownerHost(): string {
  return process.env.TRACESPEC_OWNER_HOST || hostname();
}

/** Labels that tie a resource to this process, so that a later run can tell a leftover from a live one. */
export function ownerLabels(kind: string): Record<string, string> {
  return {
    [MANAGED_LABEL]: 'true',
    [KIND_LABEL]: kind,
    [OWNER_PID_LABEL]: String(process.pid),
    [OWNER_HOST_LABEL]: ownerHost(),
  };
}

/** Kind label of images tracespec builds and keeps as a cache (tagged by content hash). */
export const CACHED_IMAGE_KIND = 'cached-image';

/** What a cached image is a version of (a service's entry, a Dockerfile's context, a Node binary): pruning keeps
 * the newest few images per key. */
export const CACHE_KEY_LABEL = 'dev.tracespec.cache-key';
/** When a cached image was built, in ms since the epoch (Docker's own creation time has whole seconds). */
export const BUILT_AT_LABEL = 'dev.tracespec.built-at';

/** Labels of an image tracespec keeps as a cache: managed, not owned by a run, and versioned under `cacheKey`. */
export function cachedImageLabels(cacheKey: string): Record<string, string> {
  return {
    [MANAGED_LABEL]: 'true',
    [KIND_LABEL]: CACHED_IMAGE_KIND,
    [CACHE_KEY_LABEL]: cacheKey,
    [BUILT_AT_LABEL]: String(Date.now()),
  };
}
