/**
 * Light/dark theme: the stored choice (`light`, `dark`) or `system` (follow prefers-color-scheme).
 * THEME_SCRIPT runs inline before the first paint; the toggle uses the same functions afterwards.
 */
export type ThemeChoice = 'system' | 'light' | 'dark';

export const THEME_STORAGE_KEY = 'kp-theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? 'system';
}

export function parseTheme(value: string | null | undefined): ThemeChoice {
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function isDark(choice: ThemeChoice, systemDark: boolean): boolean {
  return choice === 'dark' || (choice === 'system' && systemDark);
}

/**
 * Inline, so it must be self-contained. It sets the class before React hydrates, and keeps
 * following the operating system while the choice is `system`.
 */
export const THEME_SCRIPT = `(function(){try{var k='${THEME_STORAGE_KEY}';var m=window.matchMedia('(prefers-color-scheme: dark)');var apply=function(){var v=localStorage.getItem(k);var d=v==='dark'||(v!=='light'&&m.matches);document.documentElement.classList.toggle('dark',d);};apply();m.addEventListener('change',apply);window.__kpApplyTheme=apply;}catch(e){}})();`;
