// Proves story files round-trip, migrate from version 1, note unknown fields and refuse invalid ones by field name.
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/lib/model/dates';
import { DEFAULT_VIEW } from '../../src/lib/state/view-state';
import {
  STORY_FORMAT,
  STORY_VERSION,
  parseStory,
  storyFileName,
  storyFromDocument,
  storyToJson,
} from '../../src/lib/story/story-format';
import { formatStoryProblem, type Story } from '../../src/lib/story/story-model';
import { sceneToView, viewToScene } from '../../src/lib/story/story-scene';

const RICH: Story = {
  title: 'Liège → Śląskie: “clusters”',
  dataset: 'Baden-Württemberg set',
  scenes: [
    viewToScene(DEFAULT_VIEW, 'Default view'),
    viewToScene(
      {
        ...DEFAULT_VIEW,
        from: dayNumber(2017, 3, 1),
        to: dayNumber(2019, 6, 30),
        mode: 'cumulative',
        undated: false,
        selection: { kind: 'pair', a: 'BE33', b: 'NL42' },
        types: ['cluster', 'université'],
        countries: ['BE', 'PL'],
        kinds: ['partnership'],
        colourBy: 'community',
        sizeBy: 'betweenness',
        edges: 'merged',
        layout: 'geo',
        level: 1,
        metric: 'collaborations',
        labels: 0.35,
        inactive: 'hide',
        focus: 2,
        camera: { x: 0.4321, y: -0.05, ratio: 0.35 },
        extent: { south: 49.5, west: 2.25, north: 52.125, east: 7.003 },
      },
      'Everything set',
      'Line one\nline two <b>not bold</b>',
      'src-004',
    ),
    viewToScene({ ...DEFAULT_VIEW, selection: { kind: 'org', id: 'université-de-liège' } }, 'Org'),
    viewToScene({ ...DEFAULT_VIEW, selection: { kind: 'region', code: 'PL22' } }, 'Region'),
  ],
};

const doc = (scenes: unknown[], extra: Record<string, unknown> = {}) => ({
  format: STORY_FORMAT,
  version: STORY_VERSION,
  title: 't',
  scenes,
  ...extra,
});

function errorsOf(input: unknown): { code: string; field: string }[] {
  const r = storyFromDocument(input);
  if (r.ok) throw new Error('expected refusal');
  return r.errors.map((e) => ({ code: e.code, field: e.field }));
}

describe('round trip', () => {
  it('a story written and read back is identical', () => {
    const r = parseStory(storyToJson(RICH));
    expect(r).toEqual({ ok: true, story: RICH, notices: [] });
  });

  it('writes dates as ISO days and every view field', () => {
    const json = JSON.parse(storyToJson(RICH)) as { scenes: { view: Record<string, unknown> }[] };
    expect(json.scenes[1]!.view.from).toBe('2017-03-01');
    expect(Object.keys(json.scenes[0]!.view)).toHaveLength(Object.keys(DEFAULT_VIEW).length - 1);
  });

  it('a scene keeps the presenter’s language', () => {
    const scene = viewToScene({ ...DEFAULT_VIEW, lang: 'fr' }, 'x');
    expect('lang' in scene.view).toBe(false);
    expect(sceneToView(scene, 'nl').lang).toBe('nl');
  });
});

describe('defaults and unknown fields', () => {
  it('missing view fields take their defaults; partial dates read as whole periods', () => {
    const r = storyFromDocument(doc([{ title: 'a', view: { from: '2017', to: '2018-02' } }]));
    expect(r.ok && r.story.scenes[0]!.view).toEqual({
      ...sceneToViewFields(),
      from: dayNumber(2017, 1, 1),
      to: dayNumber(2018, 2, 28),
    });
  });

  it('unknown fields anywhere are ignored, each named in a notice', () => {
    const r = storyFromDocument(
      doc([{ title: 'a', mood: 'happy', view: { zoom: 3, selection: { kind: 'org', id: 'x', colour: 1 } } }], {
        author: 'me',
        ['__proto__']: { polluted: true },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notices).toEqual([
      'author: unknown field; ignored',
      '__proto__: unknown field; ignored',
      'scenes[0].mood: unknown field; ignored',
      'scenes[0].view.zoom: unknown field; ignored',
      'scenes[0].view.selection.colour: unknown field; ignored',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a JSON __proto__ key is only a notice and pollutes nothing', () => {
    const r = parseStory(`{"format":"${STORY_FORMAT}","version":2,"scenes":[],"__proto__":{"polluted":1}}`);
    expect(r.ok && r.notices).toEqual(['__proto__: unknown field; ignored']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

function sceneToViewFields() {
  const { lang: _lang, ...rest } = DEFAULT_VIEW;
  return rest;
}

describe('refusals name the field', () => {
  it.each([
    ['not an object', [], 'wrong-format', '(file)'],
    ['another format', { format: 'gexf', version: 2, scenes: [] }, 'wrong-format', 'format'],
    ['newer version', { format: STORY_FORMAT, version: 3, scenes: [] }, 'unsupported-version', 'version'],
    ['version 0', { format: STORY_FORMAT, version: 0, scenes: [] }, 'invalid-value', 'version'],
    ['version as text', { format: STORY_FORMAT, version: '2', scenes: [] }, 'invalid-value', 'version'],
    ['no scenes', { format: STORY_FORMAT, version: 2 }, 'missing-value', 'scenes'],
    ['scenes not a list', doc([]) && { ...doc([]), scenes: {} }, 'wrong-type', 'scenes'],
    ['too many scenes', doc(Array.from({ length: 201 }, () => ({ title: 'a', view: {} }))), 'too-many', 'scenes'],
    ['scene not an object', doc(['x']), 'wrong-type', 'scenes[0]'],
    ['no title', doc([{ view: {} }]), 'missing-value', 'scenes[0].title'],
    ['title not text', doc([{ title: 5, view: {} }]), 'wrong-type', 'scenes[0].title'],
    ['caption too long', doc([{ title: 'a', caption: 'x'.repeat(1001), view: {} }]), 'too-long', 'scenes[0].caption'],
    ['bad source id', doc([{ title: 'a', source: '<script>', view: {} }]), 'invalid-value', 'scenes[0].source'],
    ['no view', doc([{ title: 'a' }]), 'missing-value', 'scenes[0].view'],
    ['bad mode', doc([{ title: 'a', view: { mode: 'sideways' } }]), 'invalid-value', 'scenes[0].view.mode'],
    ['bad date', doc([{ title: 'a', view: { from: '2019-02-30' } }]), 'invalid-value', 'scenes[0].view.from'],
    ['US date', doc([{ title: 'a', view: { to: '03/04/2020' } }]), 'invalid-value', 'scenes[0].view.to'],
    [
      'reversed window',
      doc([{ title: 'a', view: { from: '2020', to: '2019' } }]),
      'invalid-value',
      'scenes[0].view.to',
    ],
    ['undated as text', doc([{ title: 'a', view: { undated: 'yes' } }]), 'wrong-type', 'scenes[0].view.undated'],
    ['level 3', doc([{ title: 'a', view: { level: 3 } }]), 'invalid-value', 'scenes[0].view.level'],
    ['labels 2', doc([{ title: 'a', view: { labels: 2 } }]), 'invalid-value', 'scenes[0].view.labels'],
    [
      'selection kind',
      doc([{ title: 'a', view: { selection: { kind: 'person' } } }]),
      'invalid-value',
      'scenes[0].view.selection.kind',
    ],
    [
      'empty org id',
      doc([{ title: 'a', view: { selection: { kind: 'org', id: '' } } }]),
      'invalid-value',
      'scenes[0].view.selection.id',
    ],
    [
      'lower-case region',
      doc([{ title: 'a', view: { selection: { kind: 'region', code: 'be33' } } }]),
      'invalid-value',
      'scenes[0].view.selection.code',
    ],
    ['types not a list', doc([{ title: 'a', view: { types: 'cluster' } }]), 'wrong-type', 'scenes[0].view.types'],
    ['type not text', doc([{ title: 'a', view: { types: ['a', 3] } }]), 'invalid-value', 'scenes[0].view.types[1]'],
    ['camera text', doc([{ title: 'a', view: { camera: 'close' } }]), 'wrong-type', 'scenes[0].view.camera'],
    [
      'camera ratio 0',
      doc([{ title: 'a', view: { camera: { x: 0.5, y: 0.5, ratio: 0 } } }]),
      'invalid-value',
      'scenes[0].view.camera',
    ],
    [
      'camera x missing',
      doc([{ title: 'a', view: { camera: { y: 0.5, ratio: 1 } } }]),
      'invalid-value',
      'scenes[0].view.camera.x',
    ],
    [
      'extent upside down',
      doc([{ title: 'a', view: { extent: { south: 52, west: 2, north: 49, east: 7 } } }]),
      'invalid-value',
      'scenes[0].view.extent',
    ],
  ] as [string, unknown, string, string][])('%s', (_, input, code, field) => {
    expect(errorsOf(input)).toContainEqual({ code, field });
  });

  it('every problem is reported, not only the first, and the message names field and value', () => {
    const r = storyFromDocument(
      doc([
        { title: 'a', view: { mode: 'sideways' } },
        { title: 1, view: { level: 7 } },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map(formatStoryProblem)).toEqual([
      'scenes[0].view.mode = "sideways": not one of active, cumulative',
      'scenes[1].title = 1: must be text',
      'scenes[1].view.level = 7: not one of 0, 1, 2',
    ]);
  });

  it.each([
    ['not JSON', '{"format":', 'not-json'],
    ['too large', ' '.repeat(1_000_001), 'too-large'],
  ])('%s text is refused', (_, text, code) => {
    const r = parseStory(text);
    expect(!r.ok && r.errors[0]!.code).toBe(code);
  });
});

describe('version 1 (scenes as links)', () => {
  it('is read through the link decoder and updated to version 2 with a notice', () => {
    const r = storyFromDocument({
      format: STORY_FORMAT,
      version: 1,
      scenes: [{ title: 'a', link: 'https://example.org/#from=2017&to=2017&sel=org%3Abiowin&cam=0.2,0.3,0.5' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.notices).toEqual(['version 1 story read and updated to version 2']);
    expect(r.story.scenes[0]!.view).toMatchObject({
      from: dayNumber(2017, 1, 1),
      to: dayNumber(2017, 12, 31),
      selection: { kind: 'org', id: 'biowin' },
      camera: { x: 0.2, y: 0.3, ratio: 0.5 },
    });
    expect(parseStory(storyToJson(r.story))).toEqual({ ok: true, story: r.story, notices: [] });
  });

  it('a bad link part is refused, naming the scene link and the part', () => {
    const r = storyFromDocument({ format: STORY_FORMAT, version: 1, scenes: [{ title: 'a', link: 'mode=sideways' }] });
    expect(!r.ok && r.errors.map(formatStoryProblem)).toEqual([
      'scenes[0].link = "mode=sideways": mode: "sideways" is not valid; ignored',
    ]);
  });
});

describe('storyFileName', () => {
  it.each([
    ['Liège → Śląskie: “clusters”', 'cluster-atlas-story-liege-slaskie-clusters.json'],
    ['', 'cluster-atlas-story-untitled.json'],
    ['../../etc/passwd', 'cluster-atlas-story-etc-passwd.json'],
    ['x'.repeat(100), `cluster-atlas-story-${'x'.repeat(60)}.json`],
  ])('%j → %j', (title, name) => {
    expect(storyFileName(title)).toBe(name);
  });
});
