// The import client against the real import worker: a kept dataset's project text, and letting go of one.
import { afterEach, expect, test, vi } from 'vitest';
import organisations from '../fixtures/import/orgs-base.csv?raw';
import collaborations from '../fixtures/import/collabs-base.csv?raw';
import regions from '../../data/regions/nuts2021.csv?raw';
import recodes from '../../data/regions/nuts2016-2021.csv?raw';
import countries from '../../data/regions/countries.csv?raw';
import { importInWorker, stopImportWorker } from '../../src/lib/views/import-client';
import { todayDay } from '../../src/lib/model/dates';

const files = () => [
  { name: 'orgs-base.csv', blob: new Blob([organisations]) },
  { name: 'collabs-base.csv', blob: new Blob([collaborations]) },
];
const texts = { regions, recodes, countries };

/** Every message the page posts to a worker, with the worker it went to. */
function recordPosts(): { type: string; id: number; to: Worker }[] {
  const posts: { type: string; id: number; to: Worker }[] = [];
  const original = Worker.prototype.postMessage;
  vi.spyOn(Worker.prototype, 'postMessage').mockImplementation(function (this: Worker, message: unknown, ...rest) {
    const { type, id } = message as { type: string; id: number };
    posts.push({ type, id, to: this });
    return original.call(this, message, ...(rest as [StructuredSerializeOptions]));
  });
  return posts;
}

/** A kept import started with posts recorded; `askWorker` needs its id and worker. */
function startKept() {
  const posts = recordPosts();
  const run = importInWorker(files(), texts, todayDay(), { onProgress: () => {}, keepProject: true });
  const first = posts[0];
  if (!first) throw new Error('nothing was posted');
  return { run, posts, id: first.id, worker: first.to };
}

/** Asks the worker for import `id`'s text directly, bypassing the client: 'project' while it is kept, else 'failed'. */
function askWorker(worker: Worker, id: number): Promise<string> {
  return new Promise((resolve) => {
    const listen = (event: MessageEvent<{ type: string; id: number }>) => {
      if (event.data.id !== id || (event.data.type !== 'project' && event.data.type !== 'failed')) return;
      worker.removeEventListener('message', listen);
      resolve(event.data.type);
    };
    worker.addEventListener('message', listen);
    Worker.prototype.postMessage.call(worker, { type: 'write-project', id });
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  stopImportWorker();
});

test('a kept import gives its project text once asked for', async () => {
  const run = importInWorker(files(), texts, todayDay(), { onProgress: () => {}, keepProject: true });
  const result = await run.result;
  expect(result.ok).toBe(true);
  const text = await run.writeProject();
  expect(text?.size).toBeGreaterThan(1000);
  const project = JSON.parse(text?.json ?? '{}') as { dataset?: { organisations?: unknown[] } };
  expect(project.dataset?.organisations?.length).toBe(result.ok ? result.dataset.dataset.organisations.length : -1);
});

test('a released import makes the worker let go of its dataset, and gives no text', async () => {
  const { run, posts, id, worker } = startKept();
  expect((await run.result).ok).toBe(true);
  run.release();
  expect(posts.map((p) => p.type)).toEqual(['import', 'release']);
  expect(await run.writeProject()).toBeNull();
  expect(posts.map((p) => p.type)).toEqual(['import', 'release']);
  expect(await askWorker(worker, id)).toBe('failed');
});

test('released before its result, an import is let go of as soon as the result comes', async () => {
  const { run, posts, id, worker } = startKept();
  run.release();
  expect((await run.result).ok).toBe(true);
  expect(posts.map((p) => p.type)).toEqual(['import', 'release']);
  expect(await askWorker(worker, id)).toBe('failed');
});

test('without release, the worker still holds the kept dataset', async () => {
  // The control for the two tests above: the same direct question gets the text.
  const { run, id, worker } = startKept();
  expect((await run.result).ok).toBe(true);
  expect(await askWorker(worker, id)).toBe('project');
});
