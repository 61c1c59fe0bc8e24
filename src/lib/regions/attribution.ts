// The attribution GISCO requires wherever its NUTS boundaries are shown or published.

/** Plain text: show it with `textContent`, never as HTML. */
export const GISCO_ATTRIBUTION =
  '© EuroGeographics for the administrative boundaries · Source: Eurostat – GISCO, NUTS 2021';
