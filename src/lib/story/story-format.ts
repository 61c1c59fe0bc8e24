// The story file: versioned JSON, read as hostile input (unknown fields noted, invalid ones refused by name).
import { dayToIso } from '../model/dates';
import { decodeView } from '../state/url-codec';
import {
  DEFAULT_VIEW,
  NO_SELECTION,
  VIEW_CHOICES,
  isValidCamera,
  isValidExtent,
  type GraphCamera,
  type MapExtent,
  type Selection,
} from '../state/view-state';
import { parseWindowBound } from '../timeline/window-input';
import { STORY_LIMITS, type Scene, type SceneView, type Story, type StoryProblem } from './story-model';
import { viewToSceneView } from './story-scene';

export const STORY_FORMAT = 'cluster-atlas-story';
/**
 * 2: each scene's view as named fields (written). 1: each scene's view as a link hash in `link` — the text that
 * "Copy link" gives, handy for writing a story by hand; read and migrated to 2.
 */
export const STORY_VERSION = 2;

export type StoryParse =
  | { readonly ok: true; readonly story: Story; readonly notices: readonly string[] }
  | { readonly ok: false; readonly errors: readonly StoryProblem[] };

const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u;
const REGION_PATTERN = /^[A-Z]{2}[A-Z0-9]{0,3}$/;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A value as it appears in a message: JSON, at most 60 characters. */
function show(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > 60 ? `${s.slice(0, 59)}…` : s;
}

/** Collects problems and notices while one document is read. */
class Reader {
  readonly errors: StoryProblem[] = [];
  readonly notices: string[] = [];

  fail(code: StoryProblem['code'], field: string, value: unknown, message: string): undefined {
    this.errors.push({ code, field, value: value === undefined ? '' : show(value), message });
    return undefined;
  }

  /** Unknown fields are ignored, each with a notice naming it. */
  unknown(obj: Json, known: readonly string[], at: string): void {
    for (const key of Object.keys(obj)) {
      if (!known.includes(key)) this.notices.push(`${at}${at ? '.' : ''}${key.slice(0, 40)}: unknown field; ignored`);
    }
  }

  string(obj: Json, key: string, at: string, max: number, required: boolean): string | undefined {
    const v = obj[key];
    const field = `${at}.${key}`;
    if (v === undefined) return required ? this.fail('missing-value', field, undefined, 'required') : '';
    if (typeof v !== 'string') return this.fail('wrong-type', field, v, 'must be text');
    if (v.length > max) return this.fail('too-long', field, v, `longer than ${max} characters`);
    return v;
  }

  oneOf<T extends string | number>(obj: Json, key: string, at: string, allowed: readonly T[], fallback: T): T {
    const v = obj[key];
    if (v === undefined) return fallback;
    if ((allowed as readonly unknown[]).includes(v)) return v as T;
    this.fail('invalid-value', `${at}.${key}`, v, `not one of ${allowed.join(', ')}`);
    return fallback;
  }
}

function readBound(r: Reader, view: Json, key: 'from' | 'to', at: string): number | null {
  const v = view[key];
  if (v === undefined || v === null) return null;
  const day = typeof v === 'string' && v.length <= 10 ? parseWindowBound(v, key) : null;
  if (day === null) r.fail('invalid-value', `${at}.${key}`, v, 'not a date (YYYY, YYYY-MM or YYYY-MM-DD) or null');
  return day;
}

function readSelection(r: Reader, v: unknown, at: string): Selection {
  if (v === undefined || v === null) return NO_SELECTION;
  if (!isObject(v)) return r.fail('wrong-type', at, v, 'must be an object with a kind, or null') ?? NO_SELECTION;
  const id = (key: string, pattern: RegExp | null): string | undefined => {
    const s = v[key];
    if (typeof s !== 'string' || s === '' || s.length > STORY_LIMITS.id || (pattern && !pattern.test(s)))
      return r.fail('invalid-value', `${at}.${key}`, s, pattern ? 'not a NUTS code' : 'not an organisation id');
    return s;
  };
  switch (v.kind) {
    case 'none':
      r.unknown(v, ['kind'], at);
      return NO_SELECTION;
    case 'org': {
      r.unknown(v, ['kind', 'id'], at);
      const s = id('id', null);
      return s === undefined ? NO_SELECTION : { kind: 'org', id: s };
    }
    case 'region': {
      r.unknown(v, ['kind', 'code'], at);
      const s = id('code', REGION_PATTERN);
      return s === undefined ? NO_SELECTION : { kind: 'region', code: s };
    }
    case 'pair': {
      r.unknown(v, ['kind', 'a', 'b'], at);
      const a = id('a', REGION_PATTERN);
      const b = id('b', REGION_PATTERN);
      return a === undefined || b === undefined ? NO_SELECTION : { kind: 'pair', a, b };
    }
    default:
      return r.fail('invalid-value', `${at}.kind`, v.kind, 'not one of none, org, region, pair') ?? NO_SELECTION;
  }
}

function readList(r: Reader, view: Json, key: string, at: string): readonly string[] {
  const v = view[key];
  if (v === undefined) return [];
  const field = `${at}.${key}`;
  if (!Array.isArray(v)) return r.fail('wrong-type', field, v, 'must be a list of text') ?? [];
  if (v.length > STORY_LIMITS.listItems)
    return r.fail('too-many', field, v.length, `more than ${STORY_LIMITS.listItems} items`) ?? [];
  const bad = v.findIndex((s) => typeof s !== 'string' || s === '' || s.length > 100);
  if (bad >= 0) return r.fail('invalid-value', `${field}[${bad}]`, v[bad], 'must be text of 1 to 100 characters') ?? [];
  return v as string[];
}

function readNumbers<K extends string>(
  r: Reader,
  v: unknown,
  at: string,
  keys: readonly K[],
): Record<K, number> | null {
  if (!isObject(v)) return r.fail('wrong-type', at, v, `must be an object with ${keys.join(', ')}, or null`) ?? null;
  r.unknown(v, keys, at);
  const out = {} as Record<K, number>;
  for (const k of keys) {
    const n = v[k];
    if (typeof n !== 'number' || !Number.isFinite(n))
      return r.fail('invalid-value', `${at}.${k}`, n, 'must be a number') ?? null;
    out[k] = n;
  }
  return out;
}

function readCamera(r: Reader, v: unknown, at: string): GraphCamera | null {
  if (v === undefined || v === null) return null;
  const c = readNumbers(r, v, at, ['x', 'y', 'ratio'] as const);
  if (c && !isValidCamera(c)) return r.fail('invalid-value', at, v, 'outside the graph or its zoom limits') ?? null;
  return c;
}

function readExtent(r: Reader, v: unknown, at: string): MapExtent | null {
  if (v === undefined || v === null) return null;
  const e = readNumbers(r, v, at, ['south', 'west', 'north', 'east'] as const);
  if (e && !isValidExtent(e))
    return r.fail('invalid-value', at, v, 'not an extent in degrees (south < north, west < east)') ?? null;
  return e;
}

const VIEW_FIELDS = [
  'from',
  'to',
  'mode',
  'undated',
  'selection',
  'types',
  'countries',
  'kinds',
  'colourBy',
  'sizeBy',
  'edges',
  'layout',
  'level',
  'metric',
  'labels',
  'inactive',
  'focus',
  'camera',
  'extent',
] as const;

/** A scene view in named fields; a missing field takes its default. */
function readView(r: Reader, v: unknown, at: string): SceneView | undefined {
  if (!isObject(v)) return r.fail(v === undefined ? 'missing-value' : 'wrong-type', at, v, 'must be an object');
  r.unknown(v, VIEW_FIELDS, at);
  const d = DEFAULT_VIEW;
  const from = readBound(r, v, 'from', at);
  const to = readBound(r, v, 'to', at);
  if (from !== null && to !== null && from > to)
    r.fail('invalid-value', `${at}.to`, v.to, 'the window ends before it starts');
  const undated = v.undated === undefined ? d.undated : v.undated;
  if (typeof undated !== 'boolean') r.fail('wrong-type', `${at}.undated`, undated, 'must be true or false');
  const labels = v.labels === undefined ? d.labels : v.labels;
  if (typeof labels !== 'number' || !(labels >= 0 && labels <= 1))
    r.fail('invalid-value', `${at}.labels`, labels, 'must be a number from 0 to 1');
  return {
    from,
    to,
    mode: r.oneOf(v, 'mode', at, VIEW_CHOICES.mode, d.mode),
    undated: undated === true,
    selection: readSelection(r, v.selection, `${at}.selection`),
    types: readList(r, v, 'types', at),
    countries: readList(r, v, 'countries', at),
    kinds: readList(r, v, 'kinds', at),
    colourBy: r.oneOf(v, 'colourBy', at, VIEW_CHOICES.colourBy, d.colourBy),
    sizeBy: r.oneOf(v, 'sizeBy', at, VIEW_CHOICES.sizeBy, d.sizeBy),
    edges: r.oneOf(v, 'edges', at, VIEW_CHOICES.edges, d.edges),
    layout: r.oneOf(v, 'layout', at, VIEW_CHOICES.layout, d.layout),
    level: r.oneOf(v, 'level', at, VIEW_CHOICES.level, d.level),
    metric: r.oneOf(v, 'metric', at, VIEW_CHOICES.metric, d.metric),
    labels: typeof labels === 'number' ? labels : d.labels,
    inactive: r.oneOf(v, 'inactive', at, VIEW_CHOICES.inactive, d.inactive),
    focus: r.oneOf(v, 'focus', at, VIEW_CHOICES.focus, d.focus),
    camera: readCamera(r, v.camera, `${at}.camera`),
    extent: readExtent(r, v.extent, `${at}.extent`),
  };
}

/** Version 1 kept the view as a link hash; it is decoded by the app's own link reader. */
function readLinkView(r: Reader, v: unknown, at: string): SceneView | undefined {
  if (typeof v !== 'string')
    return r.fail(v === undefined ? 'missing-value' : 'wrong-type', at, v, 'must be a link hash');
  const decoded = decodeView(v.includes('#') ? v.slice(v.indexOf('#')) : v);
  if (decoded.notices.length) return r.fail('invalid-value', at, v, decoded.notices.join('; '));
  return viewToSceneView(decoded.view);
}

function readScene(r: Reader, v: unknown, at: string, version: number): Scene | undefined {
  if (!isObject(v)) return r.fail('wrong-type', at, v, 'must be an object');
  r.unknown(v, ['title', 'caption', 'source', version === 1 ? 'link' : 'view'], at);
  const title = r.string(v, 'title', at, STORY_LIMITS.title, true);
  const caption = r.string(v, 'caption', at, STORY_LIMITS.caption, false);
  const source = r.string(v, 'source', at, STORY_LIMITS.id, false);
  if (source && !ID_PATTERN.test(source)) r.fail('invalid-value', `${at}.source`, source, 'not a source id');
  const view = version === 1 ? readLinkView(r, v.link, `${at}.link`) : readView(r, v.view, `${at}.view`);
  if (title === undefined || caption === undefined || source === undefined || view === undefined) return undefined;
  return { title, caption, source, view };
}

/** Reads a parsed story document of any known version. */
export function storyFromDocument(doc: unknown): StoryParse {
  const r = new Reader();
  if (!isObject(doc)) {
    r.fail('wrong-format', '(file)', doc, 'not a Cluster Atlas story (expected a JSON object)');
    return { ok: false, errors: r.errors };
  }
  if (doc.format !== STORY_FORMAT) {
    r.fail('wrong-format', 'format', doc.format, `not a Cluster Atlas story (expected "${STORY_FORMAT}")`);
    return { ok: false, errors: r.errors };
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    r.fail('invalid-value', 'version', version, `must be a whole number from 1 to ${STORY_VERSION}`);
    return { ok: false, errors: r.errors };
  }
  if (version > STORY_VERSION) {
    r.fail(
      'unsupported-version',
      'version',
      version,
      `made by a newer Cluster Atlas (this one reads up to ${STORY_VERSION})`,
    );
    return { ok: false, errors: r.errors };
  }
  r.unknown(doc, ['format', 'version', 'title', 'dataset', 'scenes'], '');
  const title = r.string(doc, 'title', '', STORY_LIMITS.title, false) ?? '';
  const dataset = r.string(doc, 'dataset', '', STORY_LIMITS.title, false) ?? '';
  const scenesIn = doc.scenes;
  const scenes: Scene[] = [];
  if (!Array.isArray(scenesIn))
    r.fail(scenesIn === undefined ? 'missing-value' : 'wrong-type', 'scenes', scenesIn, 'must be a list of scenes');
  else if (scenesIn.length > STORY_LIMITS.scenes)
    r.fail('too-many', 'scenes', scenesIn.length, `more than ${STORY_LIMITS.scenes} scenes`);
  else
    scenesIn.forEach((s, i) => {
      const scene = readScene(r, s, `scenes[${i}]`, version);
      if (scene) scenes.push(scene);
    });
  if (r.errors.length) return { ok: false, errors: r.errors };
  if (version < STORY_VERSION)
    r.notices.unshift(`version ${version} story read and updated to version ${STORY_VERSION}`);
  return { ok: true, story: { title, dataset, scenes }, notices: r.notices };
}

/** Reads story text (a file, localStorage): too large, not JSON or not a story are refused with a problem. */
export function parseStory(text: string): StoryParse {
  if (text.length > STORY_LIMITS.bytes) {
    return {
      ok: false,
      errors: [
        {
          code: 'too-large',
          field: '(file)',
          value: String(text.length),
          message: `larger than ${STORY_LIMITS.bytes} characters`,
        },
      ],
    };
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message.slice(0, 120) : 'unreadable';
    return { ok: false, errors: [{ code: 'not-json', field: '(file)', value: '', message: `not JSON: ${message}` }] };
  }
  return storyFromDocument(doc);
}

function sceneViewToJson(v: SceneView): Json {
  return {
    from: v.from === null ? null : dayToIso(v.from),
    to: v.to === null ? null : dayToIso(v.to),
    mode: v.mode,
    undated: v.undated,
    selection: v.selection,
    types: v.types,
    countries: v.countries,
    kinds: v.kinds,
    colourBy: v.colourBy,
    sizeBy: v.sizeBy,
    edges: v.edges,
    layout: v.layout,
    level: v.level,
    metric: v.metric,
    labels: v.labels,
    inactive: v.inactive,
    focus: v.focus,
    camera: v.camera,
    extent: v.extent,
  };
}

/** The story as a version-2 file, every view field written out (stable key order, 2-space indent). */
export function storyToJson(story: Story): string {
  const doc = {
    format: STORY_FORMAT,
    version: STORY_VERSION,
    title: story.title,
    dataset: story.dataset,
    scenes: story.scenes.map((s) => ({
      title: s.title,
      caption: s.caption,
      source: s.source,
      view: sceneViewToJson(s.view),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** `cluster-atlas-story-<title>.json`, the title reduced to ASCII letters, digits and dashes. */
export function storyFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `cluster-atlas-story-${slug || 'untitled'}.json`;
}
