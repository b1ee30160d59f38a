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

/** Colours for runs that are not optimizers (e.g. three learning rates), from the same palette. */
export const SERIES = ['sgd', 'momentum', 'nesterov', 'adagrad'];
