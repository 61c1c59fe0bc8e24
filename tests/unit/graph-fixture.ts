// Small real datasets for the graph tests, plus a seeded random one for property checks.
import seedrandom from 'seedrandom';
import { compileDataset, type CompiledDataset } from '../../src/lib/model/compiled';
import { parseIsoPartialDate } from '../../src/lib/model/dates';
import type {
  Collaboration,
  CollaborationKind,
  Dataset,
  Organisation,
  OrganisationType,
} from '../../src/lib/model/types';

export function org(id: string, name: string, type: OrganisationType, country: string): Organisation {
  return {
    id,
    name,
    aliases: [],
    type,
    country,
    nuts: '',
    city: '',
    lat: null,
    lon: null,
    founded: null,
    members: null,
    employees: null,
    themes: [],
    people: [],
    website: '',
    description: '',
    sources: [],
    note: '',
    attributes: {},
  };
}

export function collab(
  id: string,
  source: string,
  target: string,
  kind: CollaborationKind,
  start: string | null,
  end: string | null = start,
): Collaboration {
  return {
    id,
    source,
    target,
    kind,
    label: '',
    start: start === null ? null : parseIsoPartialDate(start),
    end: end === null ? null : parseIsoPartialDate(end),
    approximate: false,
    weight: 1,
    directed: false,
    description: '',
    sources: [],
    note: '',
    attributes: {},
  };
}

/**
 * Proves key safety and multigraph handling: ids that are Object.prototype names (`constructor`, `__proto__`,
 * `toString`), names with diacritics, a bundle of three parallel collaborations in both orientations (0–1), a bundle
 * of two (2–3), a self-loop (c7) and an organisation with no collaboration (7).
 */
export const PROTO_DATASET: Dataset = {
  name: 'Fixture — Liège',
  sources: [],
  organisations: [
    org('constructor', 'Constructor Lab', 'company', 'BE'),
    org('__proto__', 'Hôpital Proto', 'hospital', 'FR'),
    org('toString', 'ToString Universität', 'university', 'DE'),
    org('biowin', 'BioWin Liège', 'cluster', 'BE'),
    org('lyonbiopole', 'Lyonbiopôle Rhône-Alpes', 'cluster', 'FR'),
    org('silesia', 'Śląskie Med Cluster', 'cluster', 'PL'),
    org('bw', 'BioRegio Baden-Württemberg', 'network', 'DE'),
    org('isolated', 'Isolée', 'other', ''),
  ],
  collaborations: [
    collab('c0', 'constructor', '__proto__', 'partnership', '2015'),
    collab('c1', '__proto__', 'constructor', 'project', '2017-03', null),
    collab('c2', 'constructor', '__proto__', 'funding', '2019-06-01'),
    collab('c3', 'toString', 'biowin', 'membership', '2010', '2012'),
    collab('c4', 'biowin', 'lyonbiopole', 'partnership', '2016', null),
    collab('c5', 'lyonbiopole', 'silesia', 'event', '2018'),
    collab('c6', 'silesia', 'bw', 'project', '2020'),
    collab('c7', 'bw', 'bw', 'other', '2021'),
    collab('c8', 'biowin', 'toString', 'mission', '2021'),
    collab('c9', 'toString', 'constructor', 'partnership', null),
  ],
};

export const proto = (): CompiledDataset => compileDataset(PROTO_DATASET);

/** A seeded random dataset (with some parallel edges and self-loops) for property checks and timings. */
export function randomCompiled(orgCount: number, collabCount: number, seed: string): CompiledDataset {
  const rng = seedrandom(seed);
  const organisations = Array.from({ length: orgCount }, (_, i) => org(`o${i}`, `Org ${i}`, 'company', 'BE'));
  const collaborations = Array.from({ length: collabCount }, (_, j) => {
    const s = Math.floor(rng() * orgCount);
    // Skewed targets give hubs and repeated pairs, like real collaboration data.
    const t = Math.floor(rng() * rng() * orgCount);
    const year = 2000 + Math.floor(rng() * 25);
    return collab(`c${j}`, `o${s}`, `o${t}`, 'partnership', String(year));
  });
  return compileDataset({ name: 'random', sources: [], organisations, collaborations });
}

/** A seeded random 0/1 mask. */
export function randomMask(length: number, rng: () => number, p = 0.5): Uint8Array {
  return Uint8Array.from({ length }, () => (rng() < p ? 1 : 0));
}
