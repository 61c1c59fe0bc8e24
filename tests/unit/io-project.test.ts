// Project JSON (Cluster Atlas's own format): round trip, validation with paths, and versioning (future refused, older migrated).
import { describe, expect, test } from 'vitest';
import { migrateProject, projectToJson, PROJECT_VERSION } from '../../src/lib/io/project-json';
import { dataOf, importFixtures, problemsOf, textFile, TODAY, regions, parseXmlLikeChromium } from './io-helpers';
import { importFiles } from '../../src/lib/io/import-files';

const options = { today: TODAY, regions, parseXml: parseXmlLikeChromium };

describe('project JSON', () => {
  test('round trip: CSV import → project JSON → import gives the same dataset, positions, view and stories', async () => {
    const fromCsv = dataOf(await importFixtures(['gephi-nodes.csv', 'gephi-edges.csv']));
    const json = projectToJson({
      dataset: fromCsv.dataset,
      positions: { 'liege-hospital': [1, 2] },
      view: { mode: 'cumulative' },
      stories: [{ title: 'Liège' }],
    });
    const back = dataOf(await importFiles([textFile('saved.json', json)], options));
    expect(back.format).toBe('project');
    expect(back.dataset).toEqual(fromCsv.dataset);
    expect(back.positions).toEqual({ 'liege-hospital': [1, 2] });
    expect(back.view).toEqual({ mode: 'cumulative' });
    expect(back.stories).toEqual([{ title: 'Liège' }]);
  });

  test('a hand-written version 1 file: defaults fill omitted fields, dates are read', async () => {
    const data = dataOf(await importFixtures(['project-v1.json']));
    const [liege, silesia] = data.dataset.organisations;
    expect(liege).toMatchObject({ name: 'CHU Liège', aliases: [], lat: null, attributes: {} });
    expect(silesia?.attributes).toEqual({ colour: '#1f77b4' });
    expect(data.dataset.collaborations[0]).toMatchObject({ start: { year: 2019, month: 3 }, end: null, weight: 1 });
    expect(data.positions).toEqual({ 'liege-hospital': [0, 1], 'silesia-medtech': [2.5, -3] });
  });

  test.each([
    ['project-future.json', ['unsupported-version version version']],
    ['project-old.json', ['unsupported-version version version']],
    ['project-truncated.json', ['unreadable-file - -']],
    [
      'project-invalid.json',
      ['invalid-project dataset.organisations[0].type type', 'invalid-project dataset.collaborations[0].start start'],
    ],
    [
      'project-dangling.json',
      [
        'duplicate-id dataset.organisations[1].id id',
        'dangling-endpoint dataset.collaborations[0].target target',
        'reversed-period dataset.collaborations[0].end end',
      ],
    ],
  ])('%s is refused: %j', async (file, errors) => {
    const result = await importFixtures([file]);
    expect(result.ok).toBe(false);
    expect(problemsOf(result, 'error').map((p) => `${p.code} ${p.path ?? '-'} ${p.field || '-'}`)).toEqual(errors);
  });

  test('a project file must come alone', async () => {
    const result = await importFixtures(['project-v1.json', 'orgs-base.csv']);
    expect(problemsOf(result, 'error').map((p) => [p.code, p.file])).toEqual([['extra-file', 'orgs-base.csv']]);
  });
});

describe('migrateProject', () => {
  test('applies each step from the file version up to the current one', () => {
    const steps = {
      1: (d: Record<string, unknown>) => ({ ...d, renamed: d.old, old: undefined }),
      2: (d: Record<string, unknown>) => ({ ...d, third: true }),
    };
    expect(migrateProject({ version: 1, old: 'x' }, steps, 3)).toEqual({
      version: 3,
      renamed: 'x',
      old: undefined,
      third: true,
    });
  });

  test('refuses versions newer than the app, older than any migration, or missing', () => {
    expect(typeof migrateProject({ version: PROJECT_VERSION + 1 })).toBe('string');
    expect(typeof migrateProject({ version: 0 })).toBe('string');
    expect(typeof migrateProject({ version: '1' })).toBe('string');
    expect(migrateProject({ version: PROJECT_VERSION, a: 1 })).toEqual({ version: PROJECT_VERSION, a: 1 });
  });
});
