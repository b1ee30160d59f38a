// Numbers as a person reads them: a few significant digits, exponents for tiny or huge values.

import { optimizerLabel } from './catalogue.js';

export function num(x, digits = 4) {
  if (x === null || x === undefined) return '–';
  if (typeof x === 'string') return x === 'NaN' ? 'NaN' : x.replace('Infinity', '∞');
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'NaN' : (x > 0 ? '∞' : '−∞');
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e5)) {
    return x.toExponential(Math.max(1, digits - 2)).replace(/\.?0+e/, 'e').replace(/-/g, '−');
  }
  return Number(x.toPrecision(digits)).toString().replace('-', '−');
}

export function vec(values, digits = 4) {
  return `(${values.map((v) => num(v, digits)).join(', ')})`;
}

/** Reads "Infinity"/"NaN" strings (how JSON carries a diverged step) back into numbers. */
export function toNumber(x) {
  if (typeof x === 'number') return x;
  if (x === 'Infinity') return Infinity;
  if (x === '-Infinity') return -Infinity;
  return NaN;
}

/** An optimizer's label as the server registered it, e.g. "AdaGrad" for adagrad. */
export function optimizerName(name) {
  return optimizerLabel(name);
}
