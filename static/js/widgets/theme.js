// Colours from the page's CSS custom properties, so charts follow the light or dark theme.

import { optimizerColourKey } from './catalogue.js';

// Reading a computed style makes the browser bring every style of the page up to date first; on a
// long lesson, with charts changing the page between reads, that cost seconds of main thread as the
// widgets drew. The values change only with the theme, so they are read once per theme.
const dark = window.matchMedia('(prefers-color-scheme: dark)');
let cached = null;

/** The page's custom properties (and body font) as computed for the theme in use now. */
function css() {
  const theme = `${document.documentElement.dataset.theme ?? ''}|${dark.matches}`;
  if (cached?.theme !== theme) {
    const style = getComputedStyle(document.documentElement);
    const values = new Map();
    // the ones every chart reads, read together while the styles are fresh
    for (const name of [...THEME_NAMES, ...KEYS.map((k) => `--opt-${k}`)]) values.set(name, style.getPropertyValue(name));
    cached = {
      theme,
      getPropertyValue: (name) => {
        if (!values.has(name)) values.set(name, style.getPropertyValue(name));
        return values.get(name);
      },
      fontFamily: getComputedStyle(document.body).fontFamily,
    };
  }
  return cached;
}

/** The body's font, for chart text. */
export function bodyFont() {
  return css().fontFamily;
}

/** An optimizer's colour, by the colour key its registration gives. */
export function colour(name) {
  return css().getPropertyValue(`--opt-${optimizerColourKey(name)}`).trim() || css().getPropertyValue('--accent').trim();
}

export function themeColours() {
  const s = css();
  const v = (n) => s.getPropertyValue(n).trim();
  return { fg: v('--fg'), soft: v('--fg-soft'), faint: v('--fg-faint'), border: v('--border'), bg: v('--bg'), accent: v('--accent'), raised: v('--bg-raised') };
}

/** The theme's colours as one string: a chart drawn in other colours must be drawn whole again. */
export const themeKey = () => JSON.stringify(themeColours());

const THEME_NAMES = ['--fg', '--fg-soft', '--fg-faint', '--border', '--bg', '--accent', '--bg-raised'];

const KEYS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw'];

/**
 * A line pattern and a marker per colour key, so runs stay apart without colour too: SGD and Adam
 * are both blue, Momentum and Nesterov both orange.
 */
const PATTERNS = {
  sgd: { dash: 'solid', symbol: 'circle' },
  momentum: { dash: 'dash', symbol: 'square' },
  nesterov: { dash: 'dashdot', symbol: 'diamond' },
  adagrad: { dash: 'longdash', symbol: 'triangle-up' },
  rmsprop: { dash: 'longdashdot', symbol: 'triangle-down' },
  adam: { dash: 'dot', symbol: 'cross' },
  adamw: { dash: 'solid', symbol: 'x' },
};

/** The pattern of a line drawn in an optimizer's (or a series') colour; solid for any other colour. */
export function pattern(colourValue) {
  const s = css();
  const wanted = String(colourValue ?? '').trim().toLowerCase();
  const key = KEYS.find((k) => s.getPropertyValue(`--opt-${k}`).trim().toLowerCase() === wanted);
  return PATTERNS[key] ?? { dash: 'solid', symbol: 'circle' };
}

/** Colours for runs that are not optimizers (e.g. three learning rates), from the same palette. */
export const SERIES = ['sgd', 'momentum', 'nesterov', 'adagrad'];
