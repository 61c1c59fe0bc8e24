// The story being edited and presented: kept in this browser per dataset, stepped scene by scene with animation.
import { createContext } from 'svelte';
import builtinStoryUrl from '../../../data/stories/builtin.json?url';
import { BUILTIN_NAME } from '../io/builtin';
import type { AtlasState } from '../state/atlas-state.svelte';
import { encodeView } from '../state/url-codec';
import { clampWindow } from '../timeline/window-input';
import { checkStoryAgainstDataset, datasetFacts } from '../story/story-check';
import {
  addScene,
  deleteScene,
  moveScene,
  renameScene,
  renameStory,
  replaceSceneView,
  setSceneSource,
  stepScene,
} from '../story/story-edit';
import { parseStory, storyToJson } from '../story/story-format';
import { emptyStory, formatStoryProblem, type Story, type StoryProblem } from '../story/story-model';
import { sceneToView, viewToScene, viewToSceneView } from '../story/story-scene';
import { windowFrames } from '../story/story-transition';

/** One key per dataset; `v1` is the storage layout (the value is a story file, which carries its own version). */
const KEY_PREFIX = 'cluster-atlas:story:v1:';
const WINDOW_STEPS = 16;
const STEP_MS = 40;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class StorySession {
  story = $state.raw<Story>(emptyStory('', ''));
  /** The built-in story of this dataset (the built-in dataset only), to go back to after edits. */
  builtin = $state.raw<Story | null>(null);
  /** True while an animated scene change runs; tests wait for it to end. */
  moving = $state(false);
  private dataset = '';
  private cancelMove: (() => void) | null = null;

  constructor(private readonly atlas: AtlasState) {}

  /** The story for a dataset: the one kept in this browser, else the built-in story, else an empty one. */
  async open(datasetName: string): Promise<void> {
    // Another dataset: the active scene belonged to the previous story.
    if (this.dataset !== '' && this.dataset !== datasetName) this.atlas.setStoryScene(null);
    this.dataset = datasetName;
    this.builtin = null;
    if (datasetName === BUILTIN_NAME) {
      try {
        const res = await fetch(builtinStoryUrl);
        const parsed = parseStory(await res.text());
        if (parsed.ok) this.builtin = parsed.story;
        else this.atlas.addNotices(parsed.errors.map((p) => `built-in story: ${formatStoryProblem(p)}`));
      } catch {
        // Offline without the asset cached: there is simply no built-in story.
      }
    }
    const kept = storage()?.getItem(KEY_PREFIX + datasetName) ?? null;
    const parsed = kept === null ? null : parseStory(kept);
    if (parsed && !parsed.ok) {
      this.atlas.addNotices(parsed.errors.map((p) => `saved story ignored: ${formatStoryProblem(p)}`));
    }
    this.story = parsed?.ok ? parsed.story : (this.builtin ?? emptyStory(datasetName, datasetName));
  }

  /** Replaces the story and keeps it in this browser. */
  private set(story: Story): void {
    if (story === this.story) return;
    this.story = story;
    try {
      storage()?.setItem(KEY_PREFIX + this.dataset, storyToJson(story));
    } catch (e) {
      this.atlas.addNotices([`The story could not be kept in this browser: ${e instanceof Error ? e.message : e}`]);
    }
  }

  get sceneCount(): number {
    return this.story.scenes.length;
  }

  /** Adds the current view as a scene after the active one (or at the end) and makes it active. */
  addCurrent(title: string): void {
    const at = this.atlas.storyScene === null ? this.story.scenes.length : this.atlas.storyScene + 1;
    const before = this.story;
    this.set(addScene(this.story, viewToScene(this.atlas.toView(), title), at));
    if (this.story !== before) this.atlas.setStoryScene(Math.min(at, this.story.scenes.length - 1));
  }

  /** Replaces a scene's view with the current view. */
  updateFromView(i: number): void {
    this.set(replaceSceneView(this.story, i, viewToSceneView(this.atlas.toView())));
  }

  rename(i: number, text: { title?: string; caption?: string }): void {
    this.set(renameScene(this.story, i, text));
  }

  setSource(i: number, source: string): void {
    this.set(setSceneSource(this.story, i, source));
  }

  renameStory(title: string): void {
    this.set(renameStory(this.story, title));
  }

  move(i: number, delta: number): void {
    const before = this.story;
    this.set(moveScene(this.story, i, delta));
    // The active scene moves with its scene.
    const active = this.atlas.storyScene;
    if (this.story === before || active === null) return;
    if (active === i) this.atlas.setStoryScene(i + delta);
    else if (active === i + delta) this.atlas.setStoryScene(i);
  }

  remove(i: number): void {
    const before = this.story;
    this.set(deleteScene(this.story, i));
    const active = this.atlas.storyScene;
    if (this.story === before || active === null) return;
    if (active === i) this.atlas.setStoryScene(null);
    else if (active > i) this.atlas.setStoryScene(active - 1);
  }

  resetToBuiltin(): void {
    if (!this.builtin) return;
    this.set(this.builtin);
    storage()?.removeItem(KEY_PREFIX + this.dataset);
    this.atlas.setStoryScene(null);
  }

  /** Reads a story file; on success it replaces the story and its notes (unknown fields, dataset) are returned. */
  importText(text: string): { ok: true; notices: string[] } | { ok: false; errors: readonly StoryProblem[] } {
    const parsed = parseStory(text);
    if (!parsed.ok) return parsed;
    const notices = [...parsed.notices];
    const data = this.atlas.data;
    if (data) {
      const facts = datasetFacts(data.compiled.dataset, (code) => data.regions.get(code) !== undefined);
      notices.push(...checkStoryAgainstDataset(parsed.story, facts).map(formatStoryProblem));
    }
    if (parsed.story.dataset && parsed.story.dataset !== this.dataset) {
      notices.push(`made for the dataset "${parsed.story.dataset.slice(0, 80)}", shown with "${this.dataset}"`);
    }
    this.set(parsed.story);
    this.atlas.setStoryScene(null);
    return { ok: true, notices };
  }

  exportJson(): string {
    return storyToJson(this.story);
  }

  /** The link that opens scene `i` (its view, and the scene for presenting to resume from). */
  linkOf(i: number): string {
    const scene = this.story.scenes[i];
    const { origin, pathname, search } = window.location;
    if (!scene) return `${origin}${pathname}${search}`;
    return `${origin}${pathname}${search}#${encodeView(sceneToView(scene, this.atlas.lang), i)}`;
  }

  /**
   * Shows scene `i`. Presenting (and without reduced motion), the camera and the map fly and the time window
   * slides in steps; otherwise the view is applied at once.
   */
  show(i: number): void {
    const scene = this.story.scenes[i];
    if (!scene) return;
    const atlas = this.atlas;
    this.cancelMove?.();
    atlas.setPlaying(false);
    atlas.setStoryScene(i);
    const view = sceneToView(scene, atlas.lang);
    if (!atlas.presenting || reducedMotion()) {
      atlas.applyView(view);
      return;
    }
    const target = clampWindow({ from: view.from ?? atlas.bounds.from, to: view.to ?? atlas.bounds.to }, atlas.bounds);
    const frames = windowFrames(atlas.window, target, WINDOW_STEPS);
    // Everything but the window at once (graph camera and map animate themselves), then the window in steps.
    atlas.applyView({ ...view, from: atlas.window.from, to: atlas.window.to });
    let k = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      const w = frames[k++];
      if (w && k < frames.length) {
        atlas.setWindow(w.from, w.to);
        timer = setTimeout(step, STEP_MS);
        return;
      }
      atlas.applyView(view);
      this.moving = false;
      this.cancelMove = null;
    };
    this.moving = true;
    this.cancelMove = () => {
      clearTimeout(timer);
      this.moving = false;
      this.cancelMove = null;
    };
    step();
  }

  /** Goes `delta` scenes on from the active one (the first scene when none is active). */
  step(delta: number): void {
    const next = stepScene(this.story, this.atlas.storyScene, delta);
    if (next !== null && next !== this.atlas.storyScene) this.show(next);
  }
}

export const [getStorySession, setStorySession] = createContext<StorySession>();
