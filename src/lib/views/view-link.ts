// The address of the view as it is now: encoded from the state, so it never lags the debounced address-bar write.
import type { AtlasState } from '../state/atlas-state.svelte';
import { encodeView } from '../state/url-codec';

/** Origin, path and query of the page (a `?data=` source stays), then the view's hash. */
export function viewLink(atlas: AtlasState, location: Pick<Location, 'origin' | 'pathname' | 'search'>): string {
  const hash = encodeView(atlas.toView(), atlas.storyScene);
  return `${location.origin}${location.pathname}${location.search}${hash ? `#${hash}` : ''}`;
}
