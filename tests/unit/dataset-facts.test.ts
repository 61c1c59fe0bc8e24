// Facts read in the five seed articles, each checked against the built-in dataset as the app's importer loads it.
import { describe, expect, it } from 'vitest';
import { loadBuiltinDataset } from '../helpers/builtin';
import { formatPartialDate } from '../../src/lib/model/dates';
import type { Collaboration, CollaborationKind, Organisation, OrganisationType } from '../../src/lib/model/types';

type Fact =
  | { readonly what: string; readonly exists: string; readonly type: OrganisationType }
  | { readonly what: string; readonly org: string; readonly nuts: string }
  | { readonly what: string; readonly org: string; readonly country: string }
  | {
      readonly what: string;
      readonly org: string;
      readonly count: 'members' | 'employees' | 'founded';
      readonly n: number;
    }
  | { readonly what: string; readonly org: string; readonly alias: string }
  | { readonly what: string; readonly org: string; readonly person: string; readonly role: string }
  | {
      readonly what: string;
      readonly link: readonly [string, string];
      readonly kind: CollaborationKind;
      /** Start at the precision recorded: `2021`, `2017-09`, `2021-02-23`; only its year when `year` is used. */
      readonly start?: string;
      readonly year?: number;
      /** Source → target order must hold (directed relations such as succession). */
      readonly from?: string;
    }
  | { readonly what: string; readonly source: string; readonly published: string; readonly author?: string };

const MEDTECH4EUROPE_REGIONS: readonly (readonly [string, string])[] = [
  ['region-auvergne-rhone-alpes', 'FRK'],
  ['region-slaskie', 'PL22'],
  ['region-del-dunantul', 'HU23'],
  ['region-hovedstaden', 'DK01'],
  ['region-helsinki-uusimaa', 'FI1B'],
  ['region-lombardia', 'ITC4'],
  ['region-baden-wurttemberg', 'DE1'],
  ['region-limburg-nl', 'NL42'],
];

const FACTS: readonly Fact[] = [
  // src-000: ClusterXchange, February 2021
  {
    what: 'src-000 was submitted on 18 November 2021 by Imogen Allan',
    source: 'src-000',
    published: '2021-11-18',
    author: 'Imogen Allan',
  },
  { what: 'the ClusterXchange is an event node', exists: 'clusterxchange-2021', type: 'event' },
  {
    what: 'Smart Hub Health co-hosted the ClusterXchange on 23–25 Feb 2021',
    link: ['smart-hub-health-belgium', 'clusterxchange-2021'],
    kind: 'event',
    start: '2021-02-23',
  },
  {
    what: 'ScanBalt co-hosted the ClusterXchange',
    link: ['scanbalt', 'clusterxchange-2021'],
    kind: 'event',
    start: '2021-02-23',
  },
  {
    what: 'EEN Flanders took part in the ClusterXchange partnership',
    link: ['enterprise-europe-network-flanders', 'clusterxchange-2021'],
    kind: 'event',
    year: 2021,
  },
  {
    what: 'B2Match took part in the ClusterXchange partnership',
    link: ['b2match', 'clusterxchange-2021'],
    kind: 'event',
    year: 2021,
  },
  {
    what: 'Smart Hub Health and ScanBalt are partners from 2021',
    link: ['smart-hub-health-belgium', 'scanbalt'],
    kind: 'partnership',
    year: 2021,
  },
  { what: 'CELIS is a project', exists: 'celis', type: 'project' },
  { what: 'Smart Hub Health worked in CELIS', link: ['smart-hub-health-belgium', 'celis'], kind: 'project' },
  { what: 'Tartu Biotechnology Park worked in CELIS', link: ['tartu-biotechnology-park', 'celis'], kind: 'project' },
  {
    what: 'the Danish Life Science Cluster worked in CELIS',
    link: ['danish-life-science-cluster', 'celis'],
    kind: 'project',
  },
  { what: 'COSME funded CELIS', link: ['cosme', 'celis'], kind: 'funding', from: 'cosme' },
  { what: 'Tartu Biotechnology Park is in Estonia (EE00)', org: 'tartu-biotechnology-park', nuts: 'EE00' },
  {
    what: 'the Danish Life Science Cluster is in Hovedstaden (DK01)',
    org: 'danish-life-science-cluster',
    nuts: 'DK01',
  },
  {
    what: "FIT's health attaché is based in Copenhagen (DK01)",
    org: 'fit-technology-attache-copenhagen',
    nuts: 'DK01',
  },
  {
    what: 'the attaché belongs to Flanders Investment & Trade',
    link: ['fit-technology-attache-copenhagen', 'flanders-investment-trade'],
    kind: 'other',
  },
  {
    what: 'Smart Hub Health – Belgium is linked to Smart Hub Vlaams-Brabant',
    link: ['smart-hub-health-belgium', 'smart-hub-vlaams-brabant'],
    kind: 'other',
  },
  {
    what: 'both clusters planned a meeting with flanders.healthTech',
    link: ['scanbalt', 'flanders-healthtech'],
    kind: 'other',
    year: 2021,
  },

  // src-001: Smart Hub Vlaams-Brabant interview (2018, inferred)
  { what: 'Smart Hub Vlaams-Brabant is in Prov. Vlaams-Brabant (BE24)', org: 'smart-hub-vlaams-brabant', nuts: 'BE24' },
  {
    what: 'Tom Dehaene speaks for Smart Hub Vlaams-Brabant',
    org: 'smart-hub-vlaams-brabant',
    person: 'Tom Dehaene',
    role: 'interviewed on its behalf',
  },
  {
    what: 'the province runs Smart Hub',
    link: ['provincie-vlaams-brabant', 'smart-hub-vlaams-brabant'],
    kind: 'other',
  },
  {
    what: 'EFRO funds the Flanders-wide project',
    link: ['efro', 'smart-hub-internationalisation-project'],
    kind: 'funding',
    from: 'efro',
  },
  {
    what: 'Smart Hub leads the project',
    link: ['smart-hub-vlaams-brabant', 'smart-hub-internationalisation-project'],
    kind: 'project',
  },
  {
    what: 'FlandersBio is a project partner',
    link: ['flanders-bio', 'smart-hub-internationalisation-project'],
    kind: 'project',
  },
  {
    what: 'DSP Valley is a project partner',
    link: ['dsp-valley', 'smart-hub-internationalisation-project'],
    kind: 'project',
  },
  {
    what: 'Leuven MindGate is a project partner',
    link: ['leuven-mindgate', 'smart-hub-internationalisation-project'],
    kind: 'project',
  },
  {
    what: "FIT's Welcome Team Life Sciences works with the project",
    link: ['fit-welcome-team-life-sciences', 'smart-hub-internationalisation-project'],
    kind: 'project',
  },
  {
    what: 'Leuven MindGate runs Going International from 29 March 2018',
    link: ['leuven-mindgate', 'going-international'],
    kind: 'other',
    start: '2018-03-29',
  },
  {
    what: 'BioRegio STERN was received in Leuven in September 2017',
    link: ['bioregio-stern', 'smart-hub-vlaams-brabant'],
    kind: 'matchmaking',
    start: '2017-09',
  },
  { what: 'BioRegio STERN is a Stuttgart cluster (DE11)', org: 'bioregio-stern', nuts: 'DE11' },
  {
    what: 'a mission to the MedTech Conference was planned for September 2018',
    link: ['smart-hub-vlaams-brabant', 'medtech-conference-2018'],
    kind: 'mission',
    start: '2018-09',
  },
  { what: 'the MedTech Conference is in the United States', org: 'medtech-conference-2018', country: 'US' },
  {
    what: 'a cross-disciplinary event was planned for 2019',
    link: ['smart-hub-vlaams-brabant', 'cross-disciplinary-event-2019'],
    kind: 'event',
    start: '2019',
  },
  {
    what: 'the RegMed community works with a Maastricht cluster',
    link: ['smart-hub-regmed-community', 'maastricht-regmed-cluster'],
    kind: 'partnership',
    year: 2018,
  },
  { what: 'the Maastricht RegMed cluster is in Limburg (NL42)', org: 'maastricht-regmed-cluster', nuts: 'NL42' },
  { what: 'the RegMed community went to BioJapan', link: ['smart-hub-regmed-community', 'biojapan'], kind: 'event' },
  {
    what: 'the RegMed community went to RegMed Forum Berlin',
    link: ['smart-hub-regmed-community', 'regmed-forum-berlin'],
    kind: 'event',
  },
  {
    what: 'FlandersBio and DSP Valley run the matching sessions together',
    link: ['flanders-bio', 'dsp-valley'],
    kind: 'matchmaking',
  },

  // src-002: BioWin and MEDVIA
  { what: 'BioWin is a Walloon cluster (BE3)', org: 'biowin', nuts: 'BE3' },
  { what: 'BioWin has 260 members', org: 'biowin', count: 'members', n: 260 },
  { what: 'BioWin represents 18,500 employees', org: 'biowin', count: 'employees', n: 18500 },
  {
    what: 'Sylvie Ponchaut is managing director of BioWin',
    org: 'biowin',
    person: 'Sylvie Ponchaut',
    role: 'managing director',
  },
  { what: 'MEDVIA has 150 members', org: 'medvia', count: 'members', n: 150 },
  { what: 'MEDVIA is a Flemish cluster (BE2)', org: 'medvia', nuts: 'BE2' },
  {
    what: 'BioWin and MEDVIA signed a strategic partnership (2024)',
    link: ['biowin', 'medvia'],
    kind: 'partnership',
    year: 2024,
  },
  {
    what: 'BioWin and MEDVIA started working together in 2023',
    link: ['biowin', 'medvia'],
    kind: 'other',
    start: '2023',
  },
  { what: 'BioWin co-organised Science for Health', link: ['biowin', 'science-for-health'], kind: 'event', year: 2023 },
  {
    what: 'MEDVIA co-organised the first HealthTech Investor Summit',
    link: ['medvia', 'healthtech-investor-summit-bruges'],
    kind: 'event',
    year: 2023,
  },
  {
    what: 'the HealthTech Investor Summit was held in Bruges (BE25)',
    org: 'healthtech-investor-summit-bruges',
    nuts: 'BE25',
  },
  { what: 'Pfizer is in the HST Group', link: ['pfizer', 'hst-group'], kind: 'membership' },
  { what: 'UCB is in the HST Group', link: ['ucb', 'hst-group'], kind: 'membership' },
  { what: 'GSK is in the HST Group', link: ['gsk', 'hst-group'], kind: 'membership' },
  { what: 'Janssen is in the HST Group', link: ['janssen', 'hst-group'], kind: 'membership' },
  { what: 'the HST Group backed Science for Health', link: ['hst-group', 'science-for-health'], kind: 'other' },

  // src-003: flanders.healthTech, seventh spearhead cluster (2021, inferred)
  {
    what: 'the Flemish Government recognised flanders.healthTech in 2021',
    link: ['vlaamse-regering', 'flanders-healthtech'],
    kind: 'recognition',
    year: 2021,
    from: 'vlaamse-regering',
  },
  {
    what: 'flanders.healthTech has more than 70 partners (70 recorded)',
    org: 'flanders-healthtech',
    count: 'members',
    n: 70,
  },
  { what: 'flanders.healthTech dates from 2021', org: 'flanders-healthtech', count: 'founded', n: 2021 },
  {
    what: 'MedTech Flanders initiated flanders.healthTech',
    link: ['medtech-flanders', 'flanders-healthtech'],
    kind: 'founding',
    year: 2021,
    from: 'medtech-flanders',
  },
  {
    what: 'flanders.bio initiated flanders.healthTech',
    link: ['flanders-bio', 'flanders-healthtech'],
    kind: 'founding',
    year: 2021,
    from: 'flanders-bio',
  },
  {
    what: 'DSP Valley initiated flanders.healthTech',
    link: ['dsp-valley', 'flanders-healthtech'],
    kind: 'founding',
    year: 2021,
    from: 'dsp-valley',
  },
  { what: 'flanders.health was founded in 2017', org: 'flanders-health', count: 'founded', n: 2017 },
  {
    what: 'MedTech Flanders co-founded flanders.health in 2017',
    link: ['medtech-flanders', 'flanders-health'],
    kind: 'founding',
    start: '2017',
  },
  {
    what: 'flanders.bio co-founded flanders.health in 2017',
    link: ['flanders-bio', 'flanders-health'],
    kind: 'founding',
    start: '2017',
  },
  {
    what: 'DSP Valley co-founded flanders.health in 2017',
    link: ['dsp-valley', 'flanders-health'],
    kind: 'founding',
    start: '2017',
  },
  {
    what: 'flanders.healthTech continues flanders.health',
    link: ['flanders-health', 'flanders-healthtech'],
    kind: 'succession',
    from: 'flanders-health',
  },
  {
    what: "MEDVIA's predecessor is flanders.healthTech",
    link: ['flanders-healthtech', 'medvia'],
    kind: 'succession',
    from: 'flanders-healthtech',
  },
  { what: 'MEDVIA lists its former name', org: 'medvia', alias: 'flanders.healthTech' },
  { what: 'flanders.healthTech lists its later name', org: 'flanders-healthtech', alias: 'MEDVIA' },
  {
    what: 'Zorgnet-Icuro committed to flanders.healthTech',
    link: ['zorgnet-icuro', 'flanders-healthtech'],
    kind: 'membership',
    year: 2021,
  },
  {
    what: 'the university hospitals committed to flanders.healthTech',
    link: ['flemish-university-hospitals', 'flanders-healthtech'],
    kind: 'membership',
    year: 2021,
  },
  {
    what: "DSP Valley's Smart Health programme moves into the cluster",
    link: ['dsp-valley-smart-health', 'flanders-healthtech'],
    kind: 'other',
  },
  {
    what: 'Mark Andries is administrator-general of VLAIO',
    org: 'vlaio',
    person: 'Mark Andries',
    role: 'administrator-general',
  },
  {
    what: 'Dirk Reyn chairs flanders.bio',
    org: 'flanders-bio',
    person: 'Dirk Reyn',
    role: 'chair of the board of directors',
  },
  {
    what: 'Dirk Stroobandt chairs DSP Valley',
    org: 'dsp-valley',
    person: 'Dirk Stroobandt',
    role: 'chair of the board of directors',
  },
  {
    what: 'Karin Scheerlinck chairs MedTech Flanders',
    org: 'medtech-flanders',
    person: 'Karin Scheerlinck',
    role: 'chair of the board of directors',
  },
  {
    what: 'the Flemish Government puts €4 million into the impulse programme for 2022',
    link: ['vlaamse-regering', 'innovatie-gezondheid-zorg'],
    kind: 'funding',
    start: '2022',
  },
  {
    what: "the impulse programme interacts with Flanders' Care",
    link: ['innovatie-gezondheid-zorg', 'flanders-care'],
    kind: 'other',
  },
  {
    what: 'flanders.healthTech is part of the Flemish cluster policy',
    link: ['flanders-healthtech', 'flemish-cluster-policy'],
    kind: 'membership',
    year: 2021,
  },

  // src-004: MedTech4Europe in Maastricht (April 2019, inferred)
  { what: 'MedTech4Europe is a project', exists: 'medtech4europe', type: 'project' },
  ...MEDTECH4EUROPE_REGIONS.map(([id]): Fact => ({
    what: `MedTech4Europe partner region ${id}`,
    link: [id, 'medtech4europe'],
    kind: 'project',
    year: 2018,
  })),
  ...MEDTECH4EUROPE_REGIONS.map(([id, nuts]): Fact => ({ what: `${id} is NUTS ${nuts}`, org: id, nuts })),
  { what: 'the eight partner regions are region nodes', exists: 'region-limburg-nl', type: 'region' },
  {
    what: 'Provincie Limburg is a MedTech4Europe partner',
    link: ['provincie-limburg-nl', 'medtech4europe'],
    kind: 'project',
  },
  {
    what: 'Interreg Europe frames MedTech4Europe',
    link: ['interreg-europe', 'medtech4europe'],
    kind: 'funding',
    from: 'interreg-europe',
  },
  { what: 'the project focuses on Brightlands', link: ['medtech4europe', 'brightlands'], kind: 'project' },
  {
    what: 'the Maastricht Health Campus is a Brightlands campus',
    link: ['brightlands-maastricht-health-campus', 'brightlands'],
    kind: 'membership',
  },
  {
    what: 'the delegations visited the Health Campus in March 2019',
    link: ['medtech4europe-maastricht-visit', 'brightlands-maastricht-health-campus'],
    kind: 'event',
    year: 2019,
  },
  {
    what: 'the delegations visited Scannexus',
    link: ['medtech4europe-maastricht-visit', 'scannexus'],
    kind: 'event',
    year: 2019,
  },
  {
    what: 'the delegations visited MERLN',
    link: ['medtech4europe-maastricht-visit', 'merln'],
    kind: 'event',
    year: 2019,
  },
  {
    what: 'the delegations visited Medtronic',
    link: ['medtech4europe-maastricht-visit', 'medtronic'],
    kind: 'event',
    year: 2019,
  },
  { what: 'MERLN is a research centre', exists: 'merln', type: 'research-centre' },
  {
    what: 'ESZL sits in the Limburg stakeholder group',
    link: ['eszl', 'limburg-medtech-stakeholder-group'],
    kind: 'membership',
  },
  { what: 'Amra Avdić is programme manager at ESZL', org: 'eszl', person: 'Amra Avdić', role: 'programme manager' },
  { what: 'ESZL is in Limburg (NL42)', org: 'eszl', nuts: 'NL42' },
];

const dataset = loadBuiltinDataset();

function orgById(id: string): Organisation {
  const org = dataset.organisations.find((o) => o.id === id);
  if (!org) throw new Error(`no organisation ${id}`);
  return org;
}

/** Collaborations between two organisations in either direction. */
function linksBetween(a: string, b: string): Collaboration[] {
  return dataset.collaborations.filter((c) => (c.source === a && c.target === b) || (c.source === b && c.target === a));
}

describe('facts from the seed articles', () => {
  it('holds at least 35 facts', () => {
    expect(FACTS.length).toBeGreaterThanOrEqual(35);
  });

  it.each(FACTS)('$what', (fact) => {
    if ('exists' in fact) {
      expect(orgById(fact.exists).type).toBe(fact.type);
    } else if ('nuts' in fact) {
      expect(orgById(fact.org).nuts).toBe(fact.nuts);
    } else if ('country' in fact) {
      expect(orgById(fact.org).country).toBe(fact.country);
    } else if ('count' in fact) {
      expect(orgById(fact.org)[fact.count]).toBe(fact.n);
    } else if ('alias' in fact) {
      expect(orgById(fact.org).aliases).toContain(fact.alias);
    } else if ('person' in fact) {
      expect(orgById(fact.org).people).toContainEqual({ name: fact.person, role: fact.role });
    } else if ('link' in fact) {
      const [a, b] = fact.link;
      const matches = linksBetween(a, b).filter(
        (c) =>
          c.kind === fact.kind &&
          (fact.start === undefined || (c.start !== null && formatPartialDate(c.start) === fact.start)) &&
          (fact.year === undefined || c.start?.year === fact.year) &&
          (fact.from === undefined || c.source === fact.from),
      );
      const found = linksBetween(a, b).map((c) => `${c.kind} ${c.start ? formatPartialDate(c.start) : 'undated'}`);
      expect(matches.length, `links ${a}–${b}: ${found.join(', ') || 'none'}`).toBeGreaterThan(0);
      for (const c of matches) expect(c.sources.length).toBeGreaterThan(0);
    } else {
      const source = dataset.sources.find((s) => s.id === fact.source);
      expect(source).toBeDefined();
      expect(source?.published && formatPartialDate(source.published)).toBe(fact.published);
      if (fact.author !== undefined) expect(source?.author).toBe(fact.author);
    }
  });
});
