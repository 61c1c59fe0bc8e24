// Every word an exported figure prints, looked up through a message function so captions and legends follow the language.
import type { MessageKey } from '../i18n';
import { ENGLISH_CAPTION, type CaptionMessages } from './caption';
import type { FooterWords } from './figure-text';
import type { MapLegendWords } from './map-marks';

/** The catalogue keys the figures use; the app passes `(key) => translate(lang, key)`. */
export type FigureWordKey = Extract<
  MessageKey,
  | 'captionActive'
  | 'captionActiveSingle'
  | 'captionCumulative'
  | 'captionAllTime'
  | 'captionTypes'
  | 'captionCountries'
  | 'captionKinds'
  | 'captionOrganisationsOne'
  | 'captionOrganisationsOther'
  | 'captionCollaborationsOne'
  | 'captionCollaborationsOther'
  | 'captionUndated'
  | 'figureData'
  | 'sources'
  | 'figureExported'
  | 'legendOrganisationsPerRegion'
  | 'legendCollaborationsPerRegion'
  | 'legendNone'
  | 'legendArcs'
  | 'crossBorder'
  | 'domestic'
  | 'legendMarkers'
  | 'legendExact'
  | 'legendApproximate'
  | 'graph'
  | 'map'
  | 'attribution'
>;

export type FigureLookup = (key: FigureWordKey) => string;

export interface FigureWords {
  readonly caption: CaptionMessages;
  readonly footer: FooterWords;
  readonly mapLegend: MapLegendWords;
  /** Accessible names of the two plots. */
  readonly graphLabel: string;
  readonly mapLabel: string;
  /** The GISCO attribution in the language (the map figure keeps it only if it names EuroGeographics). */
  readonly attribution: string;
}

/**
 * Words of every figure from `t`; separators and the counts pattern stay the neutral English ones. `metric` is what
 * the map shades, which names its class legend.
 */
export function figureWords(
  t: FigureLookup,
  metric: 'organisations' | 'collaborations' = 'organisations',
): FigureWords {
  return {
    caption: {
      ...ENGLISH_CAPTION,
      active: t('captionActive'),
      activeSingle: t('captionActiveSingle'),
      cumulative: t('captionCumulative'),
      allTime: t('captionAllTime'),
      types: t('captionTypes'),
      countries: t('captionCountries'),
      kinds: t('captionKinds'),
      organisationsOne: t('captionOrganisationsOne'),
      organisationsOther: t('captionOrganisationsOther'),
      collaborationsOne: t('captionCollaborationsOne'),
      collaborationsOther: t('captionCollaborationsOther'),
      undated: t('captionUndated'),
    },
    footer: { data: t('figureData'), sources: t('sources'), exported: t('figureExported') },
    mapLegend: {
      metric: t(metric === 'organisations' ? 'legendOrganisationsPerRegion' : 'legendCollaborationsPerRegion'),
      none: t('legendNone'),
      arcs: t('legendArcs'),
      crossBorder: t('crossBorder'),
      domestic: t('domestic'),
      markers: t('legendMarkers'),
      exact: t('legendExact'),
      approximate: t('legendApproximate'),
    },
    graphLabel: t('graph'),
    mapLabel: t('map'),
    attribution: t('attribution'),
  };
}
