// A story: an ordered list of scenes, each a saved view with a title, a caption and the article it cites.
import type { ViewState } from '../state/view-state';

/** The view a scene restores: everything in a link except the interface language (the presenter's own). */
export type SceneView = Omit<ViewState, 'lang'>;

export interface Scene {
  readonly title: string;
  readonly caption: string;
  /** Source id (as in sources.csv) of the article the scene cites; '' when it cites none. */
  readonly source: string;
  readonly view: SceneView;
}

export interface Story {
  readonly title: string;
  /** Name of the dataset the story was made for; a story on another dataset still loads, with a notice. */
  readonly dataset: string;
  readonly scenes: readonly Scene[];
}

/** Limits that keep a hostile or broken file from freezing the page or flooding the screen. */
export const STORY_LIMITS = {
  bytes: 1_000_000,
  scenes: 200,
  title: 200,
  caption: 1000,
  id: 200,
  listItems: 200,
} as const;

/** Stable codes of story problems; tests assert these, never the wording. */
export type StoryProblemCode =
  | 'not-json'
  | 'too-large'
  | 'wrong-format'
  | 'unsupported-version'
  | 'missing-value'
  | 'wrong-type'
  | 'invalid-value'
  | 'too-long'
  | 'too-many'
  | 'unknown-field'
  | 'unknown-organisation'
  | 'unknown-region'
  | 'unknown-source';

export interface StoryProblem {
  readonly code: StoryProblemCode;
  /** Where, as a JSON path: `scenes[2].view.mode`. */
  readonly field: string;
  /** The offending value, shortened; '' when there is none. */
  readonly value: string;
  readonly message: string;
}

/** "scenes[2].view.mode = "sideways": not one of active, cumulative" — plain text, never HTML. */
export function formatStoryProblem(p: StoryProblem): string {
  return p.value === '' ? `${p.field}: ${p.message}` : `${p.field} = ${p.value}: ${p.message}`;
}

export function emptyStory(title: string, dataset: string): Story {
  return { title, dataset, scenes: [] };
}
