// Encodes the view state into a compact URL hash and decodes it back, ignoring (and reporting) anything invalid.
import { dayToIso } from '../model/dates';
import { parseWindowBound } from '../timeline/window-input';
import {
  DEFAULT_VIEW,
  NO_SELECTION,
  VIEW_CHOICES,
  isValidCamera,
  isValidExtent,
  type GraphCamera,
  type MapExtent,
  type Selection,
  type ViewState,
} from './view-state';

/** Links longer than this are refused outright: nothing legitimate is that long. */
export const MAX_HASH_LENGTH = 8192;

export interface DecodeResult {
  readonly view: ViewState;
  /** The story scene the link opens (0-based), or null. */
  readonly scene: number | null;
  /** One line per ignored part, e.g. `mode: "sideways" is not a known value`. */
  readonly notices: readonly string[];
}

const LIST_SEPARATOR = ',';

function encodeSelection(s: Selection): string | null {
  switch (s.kind) {
    case 'none':
      return null;
    case 'org':
      return `org:${s.id}`;
    case 'region':
      return `region:${s.code}`;
    case 'pair':
      return `pair:${s.a}~${s.b}`;
  }
}

/** The hash (without `#`) for a view; only values that differ from the defaults are written. */
export function encodeView(view: ViewState, scene: number | null = null): string {
  const p = new URLSearchParams();
  if (view.from !== null) p.set('from', dayToIso(view.from));
  if (view.to !== null) p.set('to', dayToIso(view.to));
  const d = DEFAULT_VIEW;
  if (view.mode !== d.mode) p.set('mode', view.mode);
  if (view.undated !== d.undated) p.set('undated', view.undated ? '1' : '0');
  const sel = encodeSelection(view.selection);
  if (sel !== null) p.set('sel', sel);
  if (view.types.length) p.set('types', view.types.join(LIST_SEPARATOR));
  if (view.countries.length) p.set('countries', view.countries.join(LIST_SEPARATOR));
  if (view.kinds.length) p.set('kinds', view.kinds.join(LIST_SEPARATOR));
  if (view.colourBy !== d.colourBy) p.set('colour', view.colourBy);
  if (view.sizeBy !== d.sizeBy) p.set('size', view.sizeBy);
  if (view.edges !== d.edges) p.set('edges', view.edges);
  if (view.layout !== d.layout) p.set('layout', view.layout);
  if (view.level !== d.level) p.set('level', String(view.level));
  if (view.metric !== d.metric) p.set('metric', view.metric);
  if (view.lang !== d.lang) p.set('lang', view.lang);
  if (view.labels !== d.labels) p.set('labels', String(view.labels));
  if (view.inactive !== d.inactive) p.set('inactive', view.inactive);
  if (view.focus !== d.focus) p.set('focus', String(view.focus));
  if (view.camera) p.set('cam', [view.camera.x, view.camera.y, view.camera.ratio].join(LIST_SEPARATOR));
  if (view.extent) {
    const e = view.extent;
    p.set('ext', [e.south, e.west, e.north, e.east].join(LIST_SEPARATOR));
  }
  // Shown 1-based: people read "scene=3" as the third scene.
  if (scene !== null) p.set('scene', String(scene + 1));
  return p.toString();
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function oneOf<T extends string>(value: string, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function decodeSelection(value: string): Selection | undefined {
  const at = value.indexOf(':');
  if (at < 1) return undefined;
  const kind = value.slice(0, at);
  const rest = value.slice(at + 1);
  if (rest === '' || rest.length > 200) return undefined;
  if (kind === 'org') return { kind: 'org', id: rest };
  if (kind === 'region') return /^[A-Z]{2}[A-Z0-9]{0,3}$/.test(rest) ? { kind: 'region', code: rest } : undefined;
  if (kind === 'pair') {
    const [a, b, more] = rest.split('~');
    if (a && b && more === undefined) return { kind: 'pair', a, b };
  }
  return undefined;
}

/** Comma-separated finite numbers, exactly `count` of them. */
function decodeNumbers(value: string, count: number): number[] | undefined {
  const parts = value.split(LIST_SEPARATOR);
  if (parts.length !== count || parts.some((p) => p.trim() === '')) return undefined;
  const nums = parts.map(Number);
  return nums.every(Number.isFinite) ? nums : undefined;
}

function decodeCamera(value: string): GraphCamera | undefined {
  const n = decodeNumbers(value, 3);
  if (!n) return undefined;
  const camera = { x: n[0]!, y: n[1]!, ratio: n[2]! };
  return isValidCamera(camera) ? camera : undefined;
}

function decodeExtent(value: string): MapExtent | undefined {
  const n = decodeNumbers(value, 4);
  if (!n) return undefined;
  const extent = { south: n[0]!, west: n[1]!, north: n[2]!, east: n[3]! };
  return isValidExtent(extent) ? extent : undefined;
}

function decodeList(value: string): string[] | undefined {
  const items = value.split(LIST_SEPARATOR).filter((s) => s !== '');
  return items.length <= 200 && items.every((s) => s.length <= 100) ? items : undefined;
}

/**
 * Reads a hash (with or without `#`). Every part is checked on its own: a bad part is dropped with
 * a notice and the rest is applied, so a hand-edited or truncated link never breaks the app.
 */
export function decodeView(hash: string): DecodeResult {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const notices: string[] = [];
  const view: Mutable<ViewState> = { ...DEFAULT_VIEW, selection: NO_SELECTION };
  let scene: number | null = null;
  if (text.length > MAX_HASH_LENGTH) {
    return { view, scene, notices: [`link: ${text.length} characters is longer than ${MAX_HASH_LENGTH}; ignored`] };
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(text);
  } catch {
    return { view, scene, notices: ['link: could not be read; ignored'] };
  }
  const bad = (key: string, value: string) => notices.push(`${key}: "${value.slice(0, 40)}" is not valid; ignored`);
  for (const [key, value] of params) {
    switch (key) {
      case 'from':
      case 'to': {
        const day = parseWindowBound(value, key);
        if (day === null) bad(key, value);
        else view[key] = day;
        break;
      }
      case 'mode': {
        const v = oneOf(value, VIEW_CHOICES.mode);
        if (v) view.mode = v;
        else bad(key, value);
        break;
      }
      case 'undated':
        if (value === '1' || value === '0') view.undated = value === '1';
        else bad(key, value);
        break;
      case 'sel': {
        const s = decodeSelection(value);
        if (s) view.selection = s;
        else bad(key, value);
        break;
      }
      case 'types':
      case 'countries':
      case 'kinds': {
        const list = decodeList(value);
        if (list) view[key] = list;
        else bad(key, value);
        break;
      }
      case 'colour': {
        const v = oneOf(value, VIEW_CHOICES.colourBy);
        if (v) view.colourBy = v;
        else bad(key, value);
        break;
      }
      case 'size': {
        const v = oneOf(value, VIEW_CHOICES.sizeBy);
        if (v) view.sizeBy = v;
        else bad(key, value);
        break;
      }
      case 'edges': {
        const v = oneOf(value, VIEW_CHOICES.edges);
        if (v) view.edges = v;
        else bad(key, value);
        break;
      }
      case 'layout': {
        const v = oneOf(value, VIEW_CHOICES.layout);
        if (v) view.layout = v;
        else bad(key, value);
        break;
      }
      case 'level': {
        const v = oneOf(value, ['0', '1', '2'] as const);
        if (v) view.level = Number(v) as 0 | 1 | 2;
        else bad(key, value);
        break;
      }
      case 'metric': {
        const v = oneOf(value, VIEW_CHOICES.metric);
        if (v) view.metric = v;
        else bad(key, value);
        break;
      }
      case 'lang': {
        const v = oneOf(value, VIEW_CHOICES.lang);
        if (v) view.lang = v;
        else bad(key, value);
        break;
      }
      case 'labels': {
        const n = Number(value);
        if (value !== '' && Number.isFinite(n) && n >= 0 && n <= 1) view.labels = n;
        else bad(key, value);
        break;
      }
      case 'inactive': {
        const v = oneOf(value, VIEW_CHOICES.inactive);
        if (v) view.inactive = v;
        else bad(key, value);
        break;
      }
      case 'focus': {
        const v = oneOf(value, ['0', '1', '2'] as const);
        if (v) view.focus = Number(v) as 0 | 1 | 2;
        else bad(key, value);
        break;
      }
      case 'cam': {
        const c = decodeCamera(value);
        if (c) view.camera = c;
        else bad(key, value);
        break;
      }
      case 'ext': {
        const e = decodeExtent(value);
        if (e) view.extent = e;
        else bad(key, value);
        break;
      }
      case 'scene': {
        const n = /^[1-9]\d{0,3}$/.test(value) ? Number(value) : 0;
        if (n > 0) scene = n - 1;
        else bad(key, value);
        break;
      }
      default:
        notices.push(`${key.slice(0, 40)}: unknown part of the link; ignored`);
    }
  }
  if (view.from !== null && view.to !== null && view.from > view.to) {
    notices.push('from/to: the window ends before it starts; the full span is shown');
    view.from = null;
    view.to = null;
  }
  return { view, scene, notices };
}
