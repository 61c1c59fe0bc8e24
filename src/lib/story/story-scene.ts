// Scene ↔ view: a scene stores every view setting but the language, which stays the presenter's.
import type { Language, ViewState } from '../state/view-state';
import type { Scene, SceneView } from './story-model';

/** The scene view of a full view (the language is dropped). */
export function viewToSceneView(view: ViewState): SceneView {
  const { lang: _lang, ...rest } = view;
  return rest;
}

/** A new scene from the current view. */
export function viewToScene(view: ViewState, title: string, caption = '', source = ''): Scene {
  return { title, caption, source, view: viewToSceneView(view) };
}

/** The full view a scene restores, in the presenter's language. */
export function sceneToView(scene: Scene, lang: Language): ViewState {
  return { ...scene.view, lang };
}
