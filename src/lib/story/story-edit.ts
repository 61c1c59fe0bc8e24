// Pure editing operations on a story: each returns a new story, or the same one when nothing changes.
import type { Scene, Story } from './story-model';
import { STORY_LIMITS } from './story-model';

const inRange = (story: Story, i: number) => Number.isInteger(i) && i >= 0 && i < story.scenes.length;

function withScenes(story: Story, scenes: readonly Scene[]): Story {
  return { ...story, scenes };
}

/** Inserts a scene at `at` (default: the end); refused (same story) beyond the scene limit. */
export function addScene(story: Story, scene: Scene, at = story.scenes.length): Story {
  if (story.scenes.length >= STORY_LIMITS.scenes) return story;
  const i = Math.max(0, Math.min(story.scenes.length, Math.trunc(at)));
  return withScenes(story, [...story.scenes.slice(0, i), scene, ...story.scenes.slice(i)]);
}

/** Replaces a scene's title and/or caption (trimmed to the limits). */
export function renameScene(story: Story, i: number, text: { title?: string; caption?: string }): Story {
  if (!inRange(story, i)) return story;
  const old = story.scenes[i]!;
  const title = text.title === undefined ? old.title : text.title.slice(0, STORY_LIMITS.title);
  const caption = text.caption === undefined ? old.caption : text.caption.slice(0, STORY_LIMITS.caption);
  if (title === old.title && caption === old.caption) return story;
  return withScenes(
    story,
    story.scenes.map((s, k) => (k === i ? { ...s, title, caption } : s)),
  );
}

/** Moves a scene by `delta` places (−1 up, +1 down); a move past either end changes nothing. */
export function moveScene(story: Story, i: number, delta: number): Story {
  const j = i + delta;
  if (!inRange(story, i) || !inRange(story, j) || delta === 0) return story;
  const scenes = [...story.scenes];
  const [moved] = scenes.splice(i, 1);
  scenes.splice(j, 0, moved!);
  return withScenes(story, scenes);
}

export function deleteScene(story: Story, i: number): Story {
  if (!inRange(story, i)) return story;
  return withScenes(
    story,
    story.scenes.filter((_, k) => k !== i),
  );
}

/** Replaces a scene's view (e.g. "update with the current view"). */
export function replaceSceneView(story: Story, i: number, view: Scene['view']): Story {
  if (!inRange(story, i)) return story;
  return withScenes(
    story,
    story.scenes.map((s, k) => (k === i ? { ...s, view } : s)),
  );
}

export function renameStory(story: Story, title: string): Story {
  const t = title.slice(0, STORY_LIMITS.title);
  return t === story.title ? story : { ...story, title: t };
}

/** The scene index after going `delta` scenes from `current` (null: not started), kept inside the story. */
export function stepScene(story: Story, current: number | null, delta: number): number | null {
  const n = story.scenes.length;
  if (n === 0) return null;
  if (current === null) return delta >= 0 ? 0 : n - 1;
  return Math.max(0, Math.min(n - 1, current + delta));
}

/** Sets the source a scene cites ('' for none). */
export function setSceneSource(story: Story, i: number, source: string): Story {
  if (!inRange(story, i) || story.scenes[i]!.source === source || source.length > STORY_LIMITS.id) return story;
  return withScenes(
    story,
    story.scenes.map((s, k) => (k === i ? { ...s, source } : s)),
  );
}
