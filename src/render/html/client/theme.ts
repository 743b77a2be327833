import { byId } from './dom.ts';

const ORDER = ['auto', 'light', 'dark'] as const;

/**
 * The theme button: the page follows the system's light or dark preference, and the button cycles through
 * auto, light and dark.
 */
export function setUpTheme(): void {
  const button = byId<HTMLButtonElement>('theme');
  const root = document.documentElement;
  const show = () => {
    const theme = root.dataset.theme ?? 'auto';
    button.textContent = `◐ ${theme === 'auto' ? 'Auto' : theme === 'light' ? 'Light' : 'Dark'}`;
    button.title = 'Colour theme: follows the system, or light, or dark';
  };
  button.addEventListener('click', () => {
    const current = (root.dataset.theme ?? 'auto') as (typeof ORDER)[number];
    const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length] as (typeof ORDER)[number];
    if (next === 'auto') delete root.dataset.theme;
    else root.dataset.theme = next;
    show();
  });
  show();
}
