// Plausible, unique organisation names for the synthetic dataset, with local diacritics, aliases and people.
import type { OrganisationType } from '../../src/lib/model/types';
import { pick, pickWeighted, type Rng } from './random';

// prettier-ignore
const PREFIXES = [
  'No', 'He', 'Ca', 'Vi', 'Me', 'Ze', 'Lu', 'Ar', 'Bi', 'Cy', 'Ge', 'Im', 'Ky', 'Ne', 'Or', 'Pa', 'Qu', 'Ro', 'Sa',
  'Te', 'Ul', 'Va', 'Xe', 'Al', 'Be', 'Co', 'Da', 'El', 'Fa', 'In', 'Ju', 'Ka', 'La', 'Ma', 'Na', 'Om', 'Pe', 'Sy',
  'Tri', 'Vo', 'Zy', 'Ae', 'Cor', 'Neu', 'Gen', 'Bio', 'Cel', 'Pro', 'Syn', 'Ther', 'Hel', 'Nov', 'Cur', 'Vit', 'Os',
  'Ste', 'Lin', 'Mo', 'Ra', 'Tu',
];
// prettier-ignore
const MIDDLES = [
  'li', 'va', 'ri', 'me', 'xa', 'no', 'ta', 'ge', 'mi', 'ro', 'la', 'ne', 'ci', 'do', 'si', 'ven', 'ter', 'lo', 'ra',
  'ca', 'pho', 'zo', 'be', 'ni',
];
// prettier-ignore
const ENDINGS = [
  'med', 'x', 'ra', 'gen', 'ix', 'is', 'on', 'ia', 'ica', 'eon', 'ex', 'ys', 'ara', 'ant', 'ive', 'ome', 'ova',
  'yte', 'ence', 'cor', 'vax', 'lab', 'a', 'o', 'us', 'ent', 'ine', 'ol',
];

// prettier-ignore
const COMPANY_WORDS = [
  'Biologics', 'Diagnostics', 'Therapeutics', 'Medical', 'Health', 'Genomics', 'Devices', 'Imaging', 'Pharma',
  'Biotech', 'MedTech', 'Labs', 'Robotics', 'Analytics', 'Care', 'Biosciences', 'Instruments', 'Digital Health',
  'Vision', 'Sensors', 'Surgical', 'Vaccines', 'Nutrition', 'Orthopaedics', 'Cell Therapies', 'Bioinformatics',
];

/** Legal forms as written in each country; companies carry one only some of the time, as in press texts. */
const LEGAL_FORMS: Readonly<Record<string, readonly string[]>> = {
  DE: ['GmbH', 'AG', 'SE'],
  AT: ['GmbH', 'AG'],
  CH: ['AG', 'SA', 'GmbH'],
  NL: ['B.V.', 'N.V.'],
  BE: ['NV', 'SA', 'BV', 'SRL'],
  LU: ['S.A.', 'S.à r.l.'],
  FR: ['SAS', 'SA'],
  IT: ['S.p.A.', 'S.r.l.'],
  ES: ['S.L.', 'S.A.'],
  PT: ['Lda.', 'S.A.'],
  SE: ['AB'],
  DK: ['A/S', 'ApS'],
  NO: ['AS', 'ASA'],
  FI: ['Oy', 'Oyj'],
  PL: ['Sp. z o.o.', 'S.A.'],
  CZ: ['s.r.o.', 'a.s.'],
  SK: ['s.r.o.'],
  HU: ['Kft.', 'Zrt.'],
  UK: ['Ltd', 'plc'],
  IE: ['Ltd', 'DAC'],
  EL: ['S.A.'],
  US: ['Inc.', 'LLC'],
  JP: ['K.K.', 'Co., Ltd.'],
  CN: ['Co., Ltd.'],
  IL: ['Ltd'],
};

/**
 * Letters a country's spelling adds to the syllables; only non-initial letters are replaced, so the
 * capital stays plain ASCII and names still sort where a reader expects them.
 */
// prettier-ignore
const DIACRITICS: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  DE: [['u', 'ü'], ['o', 'ö'], ['a', 'ä']],
  AT: [['u', 'ü'], ['o', 'ö']],
  CH: [['u', 'ü'], ['e', 'é']],
  FR: [['e', 'é'], ['e', 'è'], ['o', 'ô']],
  BE: [['e', 'é'], ['e', 'ë']],
  LU: [['e', 'é']],
  PL: [['l', 'ł'], ['s', 'ś'], ['z', 'ż'], ['o', 'ó']],
  DK: [['o', 'ø'], ['a', 'å'], ['e', 'æ']],
  NO: [['o', 'ø'], ['a', 'å']],
  SE: [['a', 'ä'], ['o', 'ö'], ['a', 'å']],
  FI: [['a', 'ä'], ['o', 'ö']],
  ES: [['n', 'ñ'], ['o', 'ó']],
  PT: [['a', 'ã'], ['o', 'õ']],
  CZ: [['c', 'č'], ['r', 'ř'], ['a', 'á']],
  SK: [['c', 'č'], ['a', 'á']],
  HU: [['o', 'ő'], ['u', 'ű'], ['e', 'é']],
  IS: [['d', 'ð'], ['a', 'á']],
  TR: [['s', 'ş'], ['g', 'ğ'], ['c', 'ç']],
  RO: [['a', 'ă'], ['s', 'ș'], ['t', 'ț']],
  HR: [['c', 'č'], ['s', 'š'], ['z', 'ž']],
  SI: [['c', 'č'], ['s', 'š']],
  LT: [['e', 'ė'], ['s', 'š']],
  LV: [['a', 'ā'], ['e', 'ē']],
  EE: [['a', 'ä'], ['o', 'õ']],
  IT: [['a', 'à']],
};

// prettier-ignore
const THEMES = [
  'biotech', 'medtech', 'digital health', 'diagnostics', 'pharma', 'ai', 'genomics', 'e-health', 'ageing',
  'nutrition', 'imaging', 'rare diseases', 'oncology', 'neuroscience', 'cell and gene therapy', 'robotics',
  'personalised medicine', 'infectious diseases',
];

/** Fields as they appear inside proper names, capitalised as such. */
// prettier-ignore
const FIELDS = [
  'Digital Health', 'Diagnostics', 'Genomics', 'Oncology', 'Neuroscience', 'Rare Diseases', 'Medical Imaging',
  'Healthy Ageing', 'Medical Devices', 'Regenerative Medicine', 'Precision Medicine', 'Health AI',
];

// prettier-ignore
const FIRST_NAMES = [
  'Anna', 'Lars', 'Søren', 'Zoë', 'Łukasz', 'Jürgen', 'Élodie', 'Marta', 'Joaquín', 'Giulia', 'Tomáš', 'Ingrid',
  'Pieter', 'Siobhán', 'Nikos', 'Ewa', 'Mikael', 'Chloé', 'Björn', 'Ana', 'Sophie', 'Jan', 'Lucía', 'Matteo',
];
// prettier-ignore
const LAST_NAMES = [
  'Janssens', 'Müller', 'Nielsen', 'Kowalski', 'Dubois', 'Rossi', 'García', 'Andersson', 'Murphy', 'De Vries',
  'Novák', 'Papadopoulos', 'Wójcik', 'Jørgensen', 'Lefèvre', 'Schäfer', 'Peeters', 'Fernández', 'Bianchi',
  'Østergaard', 'Virtanen', 'Horváth', 'Costa', "O'Brien",
];
const ROLES = [
  'managing director',
  'chair',
  'chief executive',
  'head of innovation',
  'cluster manager',
  'scientific director',
];

/** A syllable-built stem such as `Novimed` or `Helixa`, in the country's spelling some of the time. */
export function makeStem(rng: Rng, country: string): string {
  const middle = rng() < 0.6 ? pick(rng, MIDDLES) : '';
  const joined = pick(rng, PREFIXES) + middle + pick(rng, ENDINGS);
  // Joined syllables can double a vowel (`Bio` + `ome`): one reads as a brand, two as a typo.
  let stem = joined.replace(/([aeiouy])\1+/g, '$1');
  // Two- and three-letter stems (`Ka`) read as abbreviations, not brands.
  if (stem.length < 4) stem += pick(rng, MIDDLES) + 'n';
  const local = DIACRITICS[country];
  if (local === undefined || rng() >= 0.3) return stem;
  const [plain, marked] = pick(rng, local);
  const at = stem.indexOf(plain, 1);
  return at === -1 ? stem : stem.slice(0, at) + marked + stem.slice(at + 1);
}

/** Region name as people write it after a firm's name: no "Prov." and only the first of bilingual names. */
export function shortRegionName(nameLatin: string): string {
  const first = nameLatin.split('/')[0] ?? nameLatin;
  return first
    .replace(/^Prov\.\s*/, '')
    .replace(/^Région de\s+/, '')
    .trim();
}

type Template = (stem: string, region: string, rng: Rng, country: string) => string;

const TEMPLATES: Readonly<Record<OrganisationType, readonly Template[]>> = {
  company: [
    (s, _r, rng, c) => {
      const name = `${s} ${pick(rng, COMPANY_WORDS)}`;
      const forms = LEGAL_FORMS[c];
      return forms !== undefined && rng() < 0.35 ? `${name} ${pick(rng, forms)}` : name;
    },
  ],
  university: [
    (s) => `${s} University`,
    (_s, r) => `University of ${r}`,
    (_s, r) => `${r} University of Technology`,
    (s, _r, _rng, c) => (c === 'FR' || c === 'BE' || c === 'LU' ? `Université ${s}` : `${s} Medical University`),
    (s, _r, _rng, c) => (c === 'DE' || c === 'AT' || c === 'CH' ? `Universität ${s}` : `${s} Institute of Technology`),
  ],
  hospital: [
    (s) => `${s} University Hospital`,
    (s) => `${s} Medical Centre`,
    (s, _r, _rng, c) => (c === 'FR' || c === 'BE' ? `Hôpital ${s}` : c === 'DE' ? `Klinikum ${s}` : `${s} Hospital`),
    (s, _r, _rng, c) => (c === 'IT' ? `Ospedale ${s}` : `${s} Children's Hospital`),
  ],
  'research-centre': [
    (s) => `${s} Institute for Biomedical Research`,
    (s, _r, rng) => `Centre for ${pick(rng, FIELDS)} ${s}`,
    (s) => `${s} Research Centre`,
  ],
  cluster: [
    (s) => `${s}Health Cluster`,
    (_s, r) => `${r} Life Sciences Cluster`,
    (s) => `${s} MedTech Valley`,
    (s) => `BioRegio ${s}`,
  ],
  government: [
    (_s, r) => `Regional Government of ${r}`,
    (_s, r) => `${r} Health Department`,
    (s) => `Municipality of ${s}`,
  ],
  agency: [(_s, r) => `${r} Innovation Agency`, (s) => `${s} Development Agency`],
  network: [(s) => `${s} Health Network`, (s, _r, rng) => `European ${pick(rng, FIELDS)} Network ${s}`],
  programme: [(s) => `${s} Health Programme`, (s) => `${s} Accelerator`],
  project: [(s) => s.toUpperCase(), (s) => `${s.toUpperCase()} project`],
  event: [(s, _r, rng) => `${s} Health Summit ${2016 + Math.floor(rng() * 9)}`, (_s, r) => `MedTech ${r} Forum`],
  investor: [(s) => `${s} Ventures`, (s) => `${s} Capital`, (s) => `${s} Life Sciences Fund`],
  region: [(_s, r) => `Region ${r}`, (_s, r) => `${r} Region`],
  other: [(s) => `${s} Foundation`, (s) => `${s} Patients' Association`],
};

/** Hands out names that are unique within one dataset (case-insensitive), as ids and search assume. */
export class NameBook {
  private readonly taken = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** A new name; a clash first gets the region as suffix, then a number. */
  nameFor(type: OrganisationType, country: string, regionName: string): string {
    const rng = this.rng;
    const region = regionName === '' ? 'Europe' : regionName;
    for (let attempt = 0; attempt < 4; attempt++) {
      const name = pick(rng, TEMPLATES[type])(makeStem(rng, country), region, rng, country);
      if (this.claim(name)) return name;
    }
    const base = pick(rng, TEMPLATES[type])(makeStem(rng, country), region, rng, country);
    if (regionName !== '' && !base.includes(region) && this.claim(`${base} ${region}`)) return `${base} ${region}`;
    for (let n = 2; ; n++) if (this.claim(`${base} ${n}`)) return `${base} ${n}`;
  }

  private claim(name: string): boolean {
    const key = name.toLowerCase();
    if (this.taken.has(key)) return false;
    this.taken.add(key);
    return true;
  }
}

/** Other names a source might use: an acronym, the name without diacritics, or a former name. */
export function aliasesFor(rng: Rng, name: string, country: string): string[] {
  const aliases: string[] = [];
  const folded = foldDiacritics(name);
  if (folded !== name) aliases.push(folded);
  const words = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
  if (words.length >= 2 && rng() < 0.6) aliases.push(words.map((w) => w.charAt(0)).join(''));
  if (aliases.length === 0 || rng() < 0.3) aliases.push(`${makeStem(rng, country)} ${pick(rng, COMPANY_WORDS)}`);
  return aliases;
}

// NFD leaves these letters whole, so they are folded by hand.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  æ: 'ae',
  Æ: 'AE',
  ð: 'd',
  Ð: 'D',
};

/** ASCII spelling of a name, as English-language sources often write it. */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁøØæÆðÐ]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** 1–3 themes, weighted towards the list's head where health-tech clusters concentrate. */
export function themesFor(rng: Rng): string[] {
  const count = pickWeighted(rng, [
    [1, 5],
    [2, 3],
    [3, 2],
  ] as const);
  const chosen = new Set<string>();
  while (chosen.size < count) chosen.add(THEMES[Math.floor(rng() ** 1.6 * THEMES.length)]!);
  return [...chosen];
}

/** `Name: role` entries in the importer's people format. */
export function peopleFor(rng: Rng): string[] {
  const count = rng() < 0.8 ? 1 : 2;
  return Array.from({ length: count }, () => `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}: ${pick(rng, ROLES)}`);
}

/** Lower-case ASCII host label for a made-up website. */
export function slug(text: string): string {
  return foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
