// Template CSV files the import dialog offers for download: the recognised columns, filled with a few example rows.

export const TEMPLATE_FILES = {
  organisations: 'organisations-template.csv',
  collaborations: 'collaborations-template.csv',
} as const;

/** Organisations: `Id` and `Label` are required; the other columns are optional (see docs/import-guide.md). */
export const ORGANISATIONS_TEMPLATE = `Id,Label,Type,NUTS,Country,City,Lat,Lon,Founded,Tags,Website,Description
liege-hospital,Liège University Hospital (example),hospital,BE33,BE,Liège,50.5663,5.5655,1987,hospital|clinical trials,https://example.org/liege,Example row: replace it with your own organisation.
silesia-medtech,Śląskie MedTech Cluster (example),cluster,PL22,PL,Katowice,50.2649,19.0238,2012,medtech|digital health,https://example.org/silesia,Example row: a cluster placed by its NUTS 2 code.
stuttgart-uni,Baden-Württemberg Health Lab (example),university,DE1,DE,Stuttgart,48.7758,9.1829,,biotech|ai,,Example row: a NUTS 1 region works too.
lyon-biotech,Rhône-Alpes Biotech Network (example),network,FRK2,FR,Lyon,,,2005,biotech,,Example row: no coordinates — placed at its region.
`;

/** Collaborations: `Source` and `Target` (organisation ids) are required; an empty `End` means still running. */
export const COLLABORATIONS_TEMPLATE = `Id,Source,Target,Kind,Label,Start,End,Weight,Directed,Description
liege-silesia-2019,liege-hospital,silesia-medtech,partnership,joint trials,2019-03,,2,false,Example row: an open-ended partnership since March 2019.
silesia-stuttgart-2020,silesia-medtech,stuttgart-uni,project,AI imaging project,2020-01-15,2022-12-31,1,false,Example row: a project with exact dates.
lyon-liege-2021,lyon-biotech,liege-hospital,event,matchmaking day,2021-10,2021-10,1,false,Example row: a one-off event repeats its start as end.
stuttgart-lyon-2018,stuttgart-uni,lyon-biotech,funding,seed grant,2018,2019,1,true,Example row: directed from funder to recipient.
`;
