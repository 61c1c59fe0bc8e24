// Settings of this browser, not of the view: theme and single-key shortcuts, remembered in localStorage.
import { createContext } from 'svelte';

export type ThemePreference = 'system' | 'light' | 'dark';
const THEME_KEY = 'cluster-atlas:theme';
const SINGLE_KEYS_KEY = 'cluster-atlas:single-key-shortcuts';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // Storage refused (privacy mode): defaults apply.
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Not remembered, still applied for this visit.
  }
}

/** Theme choice and shortcut setting; the resolved theme follows the system while the choice is `system`. */
export class Preferences {
  theme = $state<ThemePreference>('system');
  singleKeys = $state(true);
  systemDark = $state(false);
  readonly resolvedTheme = $derived<'light' | 'dark'>(
    this.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.theme,
  );

  constructor() {
    const t = read(THEME_KEY);
    if (t === 'light' || t === 'dark' || t === 'system') this.theme = t;
    this.singleKeys = read(SINGLE_KEYS_KEY) !== 'off';
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = media.matches;
    media.addEventListener('change', (e) => (this.systemDark = e.matches));
  }

  setTheme(theme: ThemePreference): void {
    if (theme === this.theme) return;
    this.theme = theme;
    write(THEME_KEY, theme);
  }

  setSingleKeys(on: boolean): void {
    if (on === this.singleKeys) return;
    this.singleKeys = on;
    write(SINGLE_KEYS_KEY, on ? 'on' : 'off');
  }
}

export const [getPreferences, setPreferences] = createContext<Preferences>();
