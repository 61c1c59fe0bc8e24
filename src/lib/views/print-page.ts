// Opens the printable page: mounts the print-only view on the body, waits for its figures, then calls window.print().
// Loaded with import() from the export dialog, so none of it weighs on the first view.
import { mount, unmount } from 'svelte';
import type { AtlasState } from '../state/atlas-state.svelte';
import type { ExportOptions } from './export-build';
import PrintView from './PrintView.svelte';
import { printContent } from './print-build';
import { viewLink } from './view-link';

let printed: ReturnType<typeof mount> | null = null;

/** Removes the print view (after printing, or before a new one). Safe to call twice. */
export function closePrint(): void {
  if (printed) void unmount(printed);
  printed = null;
  document.documentElement.classList.remove('atlas-printing');
}

/** Resolves once the print dialog was asked for; rejects (with nothing left mounted) if a figure fails to draw. */
export async function printPage(atlas: AtlasState, options: ExportOptions): Promise<void> {
  const content = printContent(atlas, options, viewLink(atlas, window.location));
  closePrint();
  document.documentElement.classList.add('atlas-printing');
  const ok = await new Promise<boolean>((resolve) => {
    printed = mount(PrintView, { target: document.body, props: { content, lang: atlas.lang, onready: resolve } });
  });
  if (!ok) {
    closePrint();
    throw new Error('atlas: a figure of the printable page could not be drawn');
  }
  window.addEventListener('afterprint', closePrint, { once: true });
  window.print();
}
