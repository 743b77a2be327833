import { describe, expect, test } from 'vitest';
import {
  DEFAULT_IMAGE_CACHE_KEEP,
  imageCacheKeep,
  pruneCachedImages,
} from '../../../src/containers/cleanup/pruneCachedImages.ts';
import type { DockerEngine, EngineResource } from '../../../src/containers/index.ts';

type Image = EngineResource & { readonly tags: readonly string[] };

const cached = (key: string, builtAt: number | undefined, ...tags: string[]): Image => ({
  id: `sha256:${tags.join('+')}`,
  tags,
  labels: {
    'dev.tracespec.managed': 'true',
    'dev.tracespec.kind': 'cached-image',
    'dev.tracespec.cache-key': key,
    ...(builtAt === undefined ? {} : { 'dev.tracespec.built-at': String(builtAt) }),
  },
});

function fakeEngine(images: Image[], refuse: readonly string[] = []) {
  const removed: string[] = [];
  const engine: Pick<DockerEngine, 'listImages' | 'removeImage'> = {
    listImages: async () => images,
    removeImage: async (tag) => {
      if (refuse.includes(tag)) throw new Error(`conflict: ${tag} is in use`);
      removed.push(tag);
    },
  };
  return { engine: engine as DockerEngine, removed };
}

describe('pruneCachedImages', () => {
  test('keeps the newest versions of one service, counting the image just built, and removes the rest', async () => {
    const { engine, removed } = fakeEngine([
      cached('svc', 1_000, 'svc:v1'),
      cached('svc', 4_000, 'svc:v4'),
      cached('svc', 2_000, 'svc:v2'),
      cached('svc', 3_000, 'svc:v3'),
    ]);
    expect(await pruneCachedImages(engine, 'svc', 'svc:v4', 2)).toEqual(['svc:v2', 'svc:v1']);
    expect(removed).toEqual(['svc:v2', 'svc:v1']);
  });

  test('never removes the current image, even when another version claims a later build time', async () => {
    // A clock step back, or the current image reused from cache while a newer version exists.
    const { engine, removed } = fakeEngine([cached('svc', 9_000, 'svc:newer'), cached('svc', 1_000, 'svc:current')]);
    await pruneCachedImages(engine, 'svc', 'svc:current', 1);
    expect(removed).toEqual(['svc:newer']);
  });

  test('leaves other services, images that are not a cache, and unlabelled images alone', async () => {
    const notCache: Image = { id: 'x', tags: ['svc:run'], labels: { 'dev.tracespec.managed': 'true' } };
    const { engine, removed } = fakeEngine([
      cached('svc', 1_000, 'svc:old'),
      cached('other', 1, 'other:old'),
      notCache,
      {
        ...cached('svc', 2, 'svc:legacy'),
        labels: { 'dev.tracespec.managed': 'true', 'dev.tracespec.kind': 'cached-image' },
      },
      cached('svc', 5_000, 'svc:current'),
    ]);
    await pruneCachedImages(engine, 'svc', 'svc:current', 1);
    expect(removed).toEqual(['svc:old']);
  });

  test('prunes by tag, so one image with several tags loses only its stale names', async () => {
    const { engine, removed } = fakeEngine([cached('rt', 1_000, 'rt:a', 'rt:b'), cached('rt', 2_000, 'rt:c')]);
    await pruneCachedImages(engine, 'rt', 'rt:c', 2);
    // rt:a and rt:b tie on build time: the order between them is by name, so the result is stable.
    expect(removed).toEqual(['rt:b']);
  });

  test('an image without a build time counts as the oldest', async () => {
    const { engine, removed } = fakeEngine([cached('svc', undefined, 'svc:unknown'), cached('svc', 10, 'svc:dated')]);
    await pruneCachedImages(engine, 'svc', 'svc:current', 2);
    expect(removed).toEqual(['svc:unknown']);
  });

  test('an untagged image of the service (pruned while a container ran from it) is removed by id once it can be', async () => {
    const orphan: Image = { ...cached('svc', 1, '<none>:<none>'), id: 'sha256:orphan' };
    const running: Image = { ...cached('svc', 2), id: 'sha256:running', tags: [] };
    const otherService: Image = { ...cached('other', 1), id: 'sha256:theirs', tags: [] };
    const { engine, removed } = fakeEngine(
      [orphan, running, otherService, cached('svc', 3, 'svc:current')],
      ['sha256:running'],
    );
    expect(await pruneCachedImages(engine, 'svc', 'svc:current', 1)).toEqual([]);
    expect(removed).toEqual(['sha256:orphan']);
  });

  test('an image that Docker refuses to remove is skipped, and pruning goes on', async () => {
    const { engine, removed } = fakeEngine(
      [cached('svc', 1, 'svc:in-use'), cached('svc', 2, 'svc:stale'), cached('svc', 3, 'svc:current')],
      ['svc:in-use'],
    );
    expect(await pruneCachedImages(engine, 'svc', 'svc:current', 1)).toEqual(['svc:stale']);
    expect(removed).toEqual(['svc:stale']);
  });
});

describe('imageCacheKeep (TRACESPEC_IMAGE_CACHE_KEEP)', () => {
  test('defaults to 3 when unset or empty', () => {
    expect(DEFAULT_IMAGE_CACHE_KEEP).toBe(3);
    expect(imageCacheKeep({})).toBe(3);
    expect(imageCacheKeep({ TRACESPEC_IMAGE_CACHE_KEEP: ' ' })).toBe(3);
  });

  test('reads a whole number of at least 1', () => {
    expect(imageCacheKeep({ TRACESPEC_IMAGE_CACHE_KEEP: '1' })).toBe(1);
    expect(imageCacheKeep({ TRACESPEC_IMAGE_CACHE_KEEP: '10' })).toBe(10);
  });

  test.each(['0', '-2', '2.5', 'all', 'NaN'])('refuses %j with the variable, the rule and the default', (raw) => {
    expect(() => imageCacheKeep({ TRACESPEC_IMAGE_CACHE_KEEP: raw })).toThrow(
      `[tracespec] TRACESPEC_IMAGE_CACHE_KEEP=${JSON.stringify(raw)} is not a whole number >= 1: set it to how many cached images to keep per service (default 3), or unset it.`,
    );
  });
});
