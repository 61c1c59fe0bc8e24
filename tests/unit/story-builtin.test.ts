// Proves the built-in story is a valid file whose selections and citations all exist in the built-in dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_NAME } from '../../src/lib/io/builtin';
import { checkStoryAgainstDataset, datasetFacts } from '../../src/lib/story/story-check';
import { parseStory, storyToJson } from '../../src/lib/story/story-format';
import { loadBuiltinDataset } from '../helpers/builtin';

const text = readFileSync(new URL('../../data/stories/builtin.json', import.meta.url), 'utf8');
const parsed = parseStory(text);
const dataset = loadBuiltinDataset();

describe('built-in story', () => {
  it('reads without problems or notices, for the built-in dataset', () => {
    expect(parsed.ok ? parsed.notices : parsed.errors).toEqual([]);
    expect(parsed.ok && parsed.story.dataset).toBe(BUILTIN_NAME);
  });

  it('is stored exactly as the app writes it', () => {
    expect(parsed.ok && storyToJson(parsed.story)).toBe(text);
  });

  it('every scene selects an organisation of the dataset and cites one of its sources', () => {
    if (!parsed.ok) throw new Error('invalid');
    const facts = datasetFacts(dataset);
    expect(checkStoryAgainstDataset(parsed.story, facts)).toEqual([]);
    for (const scene of parsed.story.scenes) {
      expect(scene.view.selection.kind).toBe('org');
      expect(scene.source).not.toBe('');
      expect(scene.caption.length).toBeGreaterThan(20);
      expect(scene.view.from).not.toBeNull();
    }
  });

  it('the check reports unknown organisations and sources by field', () => {
    if (!parsed.ok) throw new Error('invalid');
    const facts = { organisationIds: new Set<string>(), sourceIds: new Set(['src-000']), isRegion: () => false };
    const problems = checkStoryAgainstDataset(parsed.story, facts);
    expect(problems.filter((p) => p.code === 'unknown-organisation')).toHaveLength(parsed.story.scenes.length);
    expect(problems.find((p) => p.code === 'unknown-source')?.field).toBe('scenes[0].source');
  });
});

describe('build-time dataset check', () => {
  it('passes with the built-in story (a broken story would stop the build)', async () => {
    const { checkBuiltinDataset } = await import('../../scripts/check-dataset');
    expect(checkBuiltinDataset().errors).toEqual([]);
  });
});
