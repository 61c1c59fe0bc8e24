// Checks a valid story against a dataset: selected organisations and regions and cited sources must exist.
import type { Dataset } from '../model/types';
import type { Story, StoryProblem } from './story-model';

export interface StoryDatasetFacts {
  readonly organisationIds: ReadonlySet<string>;
  readonly sourceIds: ReadonlySet<string>;
  /** Whether a NUTS code is known; omitted when the caller has no region index. */
  readonly isRegion?: (code: string) => boolean;
}

/** The facts of a dataset a story is checked against. */
export function datasetFacts(dataset: Dataset, isRegion?: (code: string) => boolean): StoryDatasetFacts {
  return {
    organisationIds: new Set(dataset.organisations.map((o) => o.id)),
    sourceIds: new Set(dataset.sources.map((s) => s.id)),
    isRegion,
  };
}

/** Problems (as warnings: the scene still shows, only its selection or citation is missing). */
export function checkStoryAgainstDataset(story: Story, facts: StoryDatasetFacts): StoryProblem[] {
  const out: StoryProblem[] = [];
  const region = (field: string, code: string) => {
    if (facts.isRegion && !facts.isRegion(code))
      out.push({ code: 'unknown-region', field, value: JSON.stringify(code), message: 'no such region' });
  };
  story.scenes.forEach((scene, i) => {
    const at = `scenes[${i}]`;
    const s = scene.view.selection;
    if (s.kind === 'org' && !facts.organisationIds.has(s.id))
      out.push({
        code: 'unknown-organisation',
        field: `${at}.view.selection.id`,
        value: JSON.stringify(s.id),
        message: 'no organisation with this id in the dataset',
      });
    if (s.kind === 'region') region(`${at}.view.selection.code`, s.code);
    if (s.kind === 'pair') {
      region(`${at}.view.selection.a`, s.a);
      region(`${at}.view.selection.b`, s.b);
    }
    if (scene.source !== '' && !facts.sourceIds.has(scene.source))
      out.push({
        code: 'unknown-source',
        field: `${at}.source`,
        value: JSON.stringify(scene.source),
        message: 'no source with this id in the dataset',
      });
  });
  return out;
}
