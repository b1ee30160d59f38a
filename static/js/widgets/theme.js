// Colours from the page's CSS custom properties, so charts follow the light or dark theme.

import { optimizerColourKey } from './catalogue.js';

const css = () => getComputedStyle(document.documentElement);

/** An optimizer's colour, by the colour key its registration gives. */
export function colour(name) {
  return css().getPropertyValue(`--opt-${optimizerColourKey(name)}`).trim() || css().getPropertyValue('--accent').trim();
}

export function themeColours() {
  const s = css();
  const v = (n) => s.getPropertyValue(n).trim();
  return { fg: v('--fg'), soft: v('--fg-soft'), faint: v('--fg-faint'), border: v('--border'), bg: v('--bg'), accent: v('--accent'), raised: v('--bg-raised') };
}

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
