// Global keyboard shortcuts: a key press (and where it happened) → an app action, so App and tests share one table.

export type KeyAction = 'escape' | 'present' | 'play' | 'help' | 'next-scene' | 'previous-scene';

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
}

export interface KeyContext {
  readonly presenting: boolean;
  /** Single-character shortcuts (P, ?, Space) are on; WCAG 2.1.4 asks that users can turn them off. */
  readonly singleKeys: boolean;
  /** The key went to a text field, a select or an editable element: it is typing, never a shortcut. */
  readonly inField: boolean;
  /** The focused element uses Space itself (a button, a checkbox, a link, a summary): Space stays its own. */
  readonly spaceTaken?: boolean;
  /** The focused element uses arrows and Page Up/Down itself (a slider, a select): they stay its own. */
  readonly arrowsTaken?: boolean;
}

/** The shortcuts as listed in the help overlay, in order. `single` marks those the setting turns off. */
export const SHORTCUTS = [
  { keys: ['P'], action: 'present', single: true },
  { keys: ['Space'], action: 'play', single: true },
  { keys: ['?'], action: 'help', single: true },
  { keys: ['Escape'], action: 'escape', single: false },
  // Not character keys, so not turned off with them; clickers send Page Down / Page Up.
  { keys: ['→', 'Page Down'], action: 'next-scene', single: false },
  { keys: ['←', 'Page Up'], action: 'previous-scene', single: false },
] as const satisfies readonly { keys: readonly string[]; action: KeyAction; single: boolean }[];

/** Whether a key event's target is somewhere the user types (shortcuts must not steal those keys). */
export function isTypingTarget(tagName: string, editable: boolean, inputType = ''): boolean {
  if (editable || tagName === 'TEXTAREA' || tagName === 'SELECT') return true;
  if (tagName !== 'INPUT') return false;
  // Checkboxes, radios, buttons and ranges do not take text; their own keys (Space toggles) stay theirs.
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(inputType);
}

/** Whether the element acts on Space itself. */
export function takesSpace(tagName: string, role: string | null): boolean {
  return ['BUTTON', 'INPUT', 'SUMMARY', 'A', 'SELECT'].includes(tagName) || role === 'button' || role === 'slider';
}

/** The action for a key press, or null when the key is not a global shortcut here. */
export function keyAction(press: KeyPress, ctx: KeyContext): KeyAction | null {
  if (ctx.inField) return null;
  if (press.key === 'Escape') return 'escape';
  if (ctx.presenting && !ctx.arrowsTaken && !press.ctrlKey && !press.metaKey && !press.altKey) {
    if (press.key === 'ArrowRight' || press.key === 'PageDown') return 'next-scene';
    if (press.key === 'ArrowLeft' || press.key === 'PageUp') return 'previous-scene';
  }
  if (press.ctrlKey || press.metaKey || press.altKey || !ctx.singleKeys) return null;
  if (press.key === 'p' || press.key === 'P') return 'present';
  if (press.key === '?') return 'help';
  if (press.key === ' ' && ctx.presenting && !ctx.spaceTaken) return 'play';
  return null;
}
