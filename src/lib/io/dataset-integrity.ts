// Whole-dataset checks for data that arrives already structured (project JSON): unique ids, real endpoints, ordered periods.
import { firstDay, lastDay } from '../model/dates';
import type { Dataset } from '../model/types';
import type { ProblemLog } from './problems';

/** Reports duplicate ids, endpoints that are no organisation and reversed periods, with JSON paths. */
export function checkIntegrity(dataset: Dataset, file: string, log: ProblemLog): void {
  const at = (path: string, field: string) => ({ file, line: 0, field, path: `dataset.${path}.${field}` });
  const orgIds = new Set<string>();
  dataset.organisations.forEach((o, i) => {
    if (orgIds.has(o.id))
      log.report(
        'error',
        'duplicate-id',
        at(`organisations[${i}]`, 'id'),
        o.id,
        'This id is used by an earlier organisation; ids must be unique.',
      );
    orgIds.add(o.id);
  });
  const collabIds = new Set<string>();
  dataset.collaborations.forEach((c, i) => {
    const path = `collaborations[${i}]`;
    if (collabIds.has(c.id))
      log.report(
        'error',
        'duplicate-id',
        at(path, 'id'),
        c.id,
        'This id is used by an earlier collaboration; ids must be unique.',
      );
    collabIds.add(c.id);
    for (const f of ['source', 'target'] as const)
      if (!orgIds.has(c[f]))
        log.report('error', 'dangling-endpoint', at(path, f), c[f], 'No organisation has this id.');
    if (c.start && c.end && lastDay(c.end) < firstDay(c.start))
      log.report('error', 'reversed-period', at(path, 'end'), '', 'The end date lies before the start date.');
    if (!c.start && c.end)
      log.report('error', 'missing-value', at(path, 'start'), '', 'An end date needs a start date.');
  });
}
