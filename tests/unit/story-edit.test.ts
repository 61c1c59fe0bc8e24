// Proves the story editing operations and scene stepping: new stories on change, the same story on a no-op.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW } from '../../src/lib/state/view-state';
import {
  addScene,
  deleteScene,
  moveScene,
  renameScene,
  renameStory,
  replaceSceneView,
  setSceneSource,
  stepScene,
} from '../../src/lib/story/story-edit';
import { STORY_LIMITS, emptyStory, type Story } from '../../src/lib/story/story-model';
import { viewToScene, viewToSceneView } from '../../src/lib/story/story-scene';

const scene = (title: string) => viewToScene(DEFAULT_VIEW, title);
const story: Story = { title: 'S', dataset: 'D', scenes: [scene('a'), scene('b'), scene('c')] };
const titles = (s: Story) => s.scenes.map((x) => x.title);

describe('editing', () => {
  it('adds at the end or at a position (clamped)', () => {
    expect(titles(addScene(story, scene('d')))).toEqual(['a', 'b', 'c', 'd']);
    expect(titles(addScene(story, scene('d'), 1))).toEqual(['a', 'd', 'b', 'c']);
    expect(titles(addScene(story, scene('d'), -5))).toEqual(['d', 'a', 'b', 'c']);
    expect(titles(addScene(emptyStory('x', 'y'), scene('d')))).toEqual(['d']);
  });

  it('refuses to add beyond the scene limit', () => {
    const full: Story = { ...story, scenes: Array.from({ length: STORY_LIMITS.scenes }, () => scene('x')) };
    expect(addScene(full, scene('y'))).toBe(full);
  });

  it('renames title and caption; the same text is a no-op', () => {
    const r = renameScene(story, 1, { title: 'B', caption: 'cap' });
    expect(r.scenes[1]).toMatchObject({ title: 'B', caption: 'cap' });
    expect(r.scenes[0]).toBe(story.scenes[0]);
    expect(renameScene(story, 1, { title: 'b' })).toBe(story);
    expect(renameScene(story, 7, { title: 'z' })).toBe(story);
    expect(renameScene(story, 0, { title: 'x'.repeat(500) }).scenes[0]!.title).toHaveLength(STORY_LIMITS.title);
  });

  it.each([
    [0, 1, ['b', 'a', 'c']],
    [2, -1, ['a', 'c', 'b']],
    [1, -1, ['b', 'a', 'c']],
  ])('moves scene %i by %i', (i, d, expected) => {
    expect(titles(moveScene(story, i, d))).toEqual(expected);
  });

  it.each([
    [0, -1],
    [2, 1],
    [1, 0],
    [5, -1],
  ])('moving scene %i by %i past an end changes nothing', (i, d) => {
    expect(moveScene(story, i, d)).toBe(story);
  });

  it('deletes a scene; out of range is a no-op', () => {
    expect(titles(deleteScene(story, 1))).toEqual(['a', 'c']);
    expect(deleteScene(story, 3)).toBe(story);
    expect(deleteScene(story, -1)).toBe(story);
  });

  it('sets the cited source; the same source is a no-op', () => {
    expect(setSceneSource(story, 0, 'src-002').scenes[0]!.source).toBe('src-002');
    expect(setSceneSource(story, 0, '')).toBe(story);
    expect(setSceneSource(story, 9, 'src-002')).toBe(story);
  });

  it('replaces a scene view and renames the story', () => {
    const view = viewToSceneView({ ...DEFAULT_VIEW, mode: 'cumulative' });
    expect(replaceSceneView(story, 2, view).scenes[2]!.view.mode).toBe('cumulative');
    expect(renameStory(story, 'S')).toBe(story);
    expect(renameStory(story, 'T').title).toBe('T');
  });
});

describe('stepping through scenes', () => {
  it.each([
    [null, 1, 0],
    [null, -1, 2],
    [0, 1, 1],
    [2, 1, 2],
    [0, -1, 0],
    [1, -1, 0],
  ] as [number | null, number, number][])('from %s by %i → %i', (current, delta, expected) => {
    expect(stepScene(story, current, delta)).toBe(expected);
  });

  it('an empty story has no scene to go to', () => {
    expect(stepScene(emptyStory('', ''), null, 1)).toBeNull();
  });
});
