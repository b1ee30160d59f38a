// "Inside this step": the numbers the engine used for the update that led to the step on show
// (the gradient, the momentum buffer, Adam's moments, the effective learning rate, the step
// taken) and the update's formula with those numbers in it, worked out again here, so a learner
// can check one update by hand. The run's optimizer state is fetched once, when the panel opens.

import { fetchJson, fetchRunSteps } from './net.js';
import { num } from './format.js';

const FIELDS = 'params,loss,grad,grad_norm,lr,velocity,adam';
const NAMES = ['x', 'y'];
/** The coordinates shown at most: a data problem's many weights would not fit a table. */
const MAX_COORDINATES = 4;

let catalogue = null;

/** Each optimizer's parameters with their defaults, as the engine registered them. */
function defaults(api) {
  catalogue ??= fetchJson(`${api}/optimizers`).then((body) => Object.fromEntries(body.optimizers
    .map((o) => [o.name, Object.fromEntries(o.params.map((p) => [p.name, p.defaultValue]))])));
  return catalogue;
}

export class InsideStep {
  constructor(w) {
    this.w = w;
    this.panel = w.figure.querySelector('[data-inside]');
    this.runs = new Map();
    if (!this.panel) return;
    this.choice = this.panel.querySelector('[data-inside-run]');
    this.panel.addEventListener('toggle', () => this.show(w.player.t));
    this.choice.addEventListener('change', () => this.show(w.player.t));
  }

  /** Shows the update into step t, if the panel is open. */
  async show(t) {
    if (!this.panel?.open) return;
    this.#offerRuns();
    const i = Math.min(Number(this.choice.value || 0), this.w.player.runs.length - 1);
    const run = this.w.player.runs[i];
    if (!run) return;
    const key = JSON.stringify(run.spec);
    if (!this.runs.has(key)) {
      this.runs.set(key, Promise.all([
        fetchRunSteps(this.w.api, run.spec, FIELDS),
        defaults(this.w.api),
      ]).catch((error) => { this.runs.delete(key); throw error; }));
    }
    let steps;
    let known;
    try {
      [steps, known] = await this.runs.get(key);
    } catch (error) {
      this.#write(`The step's numbers could not be fetched: ${error.message}`, [], []);
      return;
    }
    // the clock may have moved on while the numbers were fetched
    if (t !== this.w.player.t) return;
    const at = Math.min(t, steps.length - 1);
    if (at < 1) {
      this.#write('This is the start point: no update has happened yet. Step forward to see the first one.', [], []);
      return;
    }
    const optimizer = { ...(known[run.spec.optimizer.name] ?? {}), ...run.spec.optimizer };
    const update = explain(optimizer, steps, at);
    this.#write(`Update ${at - 1} → ${at} of ${this.w.runLabel(i)}: ${update.rule}`, update.rows, update.checks);
  }

  #offerRuns() {
    const runs = this.w.player.runs;
    const labels = runs.map((_, i) => this.w.runLabel(i));
    const now = [...this.choice.options].map((o) => o.textContent);
    if (now.join('|') !== labels.join('|')) {
      const chosen = this.choice.value;
      this.choice.replaceChildren(...labels.map((label, i) => new Option(label, String(i))));
      if (chosen !== '' && Number(chosen) < labels.length) this.choice.value = chosen;
    }
    this.choice.closest('.control').hidden = runs.length < 2;
  }

  #write(text, rows, checks) {
    this.panel.querySelector('[data-inside-text]').textContent = text;
    const table = this.panel.querySelector('[data-inside-table]');
    const n = rows.length ? rows[0].values.length : 0;
    const head = rows.length
      ? `<thead><tr><th scope="col">quantity</th>${Array.from({ length: n }, (_, j) => `<th scope="col">${coordinate(j, n)}</th>`).join('')}</tr></thead>`
      : '';
    table.innerHTML = head + `<tbody>${rows.map((r) => `<tr><th scope="row">${r.label}</th>${r.values.map((v) => `<td>${num(v, r.digits ?? 6)}</td>`).join('')}</tr>`).join('')}</tbody>`;
    table.closest('[data-inside-numbers]').hidden = rows.length === 0;
    const list = this.panel.querySelector('[data-inside-formula]');
    list.replaceChildren(...checks.map((c) => {
      const li = document.createElement('li');
      li.textContent = c;
      return li;
    }));
  }
}

/** Significant digits of positions: enough that a small step shows in them. */
const P = 8;
const coordinate = (j, n) => (n <= 2 ? NAMES[j] : `θ${subscript(j + 1)}`);
const subscript = (k) => String(k).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[d]);
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/**
 * The update from step at−1 to step at, as rows of numbers per coordinate and one worked line
 * per coordinate. Each line computes the new coordinate from the shown numbers and says whether
 * that is the engine's value.
 */
export function explain(o, steps, at) {
  const before = steps[at - 1];
  const after = steps[at];
  const n = Math.min(before.params.length, MAX_COORDINATES);
  const cols = (f) => Array.from({ length: n }, (_, j) => f(j));
  const eta = before.lr;
  const gradients = usedGradients(o, steps, at);
  const g = gradients[at - 1];
  const rows = [{ label: 'position before, θ', values: cols((j) => before.params[j]), digits: P }];
  rows.push({ label: 'gradient there, g', values: cols((j) => before.grad[j]) });
  if (o.clip_grad_norm != null || o.weight_decay > 0 && !isDecoupled(o)) {
    rows.push({ label: 'gradient used (clipped / with weight decay)', values: cols((j) => g[j]) });
  }
  rows.push({ label: 'learning rate, η', values: cols(() => eta) });
  const step = cols((j) => after.params[j] - before.params[j]);
  const worked = [];
  let rule;
  let computed;
  const name = o.name;
  if (name === 'adam' || name === 'adamw') {
    rows.push({ label: 'first moment, m̂', values: cols((j) => after.m_hat[j]) });
    rows.push({ label: 'second moment, v̂', values: cols((j) => after.v_hat[j]) });
    rows.push({ label: 'effective rate, η / (√v̂ + ε)', values: cols((j) => after.effective_lr[j]) });
    const shrink = isDecoupled(o) ? 1 - eta * o.weight_decay : 1;
    rule = isDecoupled(o) && o.weight_decay > 0
      ? `θ ← θ·(1 − η·λ) − η/(√v̂ + ε)·m̂, with λ = ${num(o.weight_decay)}, ε = ${num(o.eps)}`
      : `θ ← θ − η/(√v̂ + ε)·m̂, with m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ), ε = ${num(o.eps)}`;
    computed = cols((j) => before.params[j] * shrink - after.effective_lr[j] * after.m_hat[j]);
    cols((j) => worked.push(`${coordinate(j, n)}: ${num(before.params[j], P)}${shrink !== 1 ? ` × ${num(shrink, 6)}` : ''} − ${num(after.effective_lr[j], 6)} × ${num(after.m_hat[j], 6)} = ${num(computed[j], P)}`));
  } else if (name === 'adagrad' || name === 'rmsprop') {
    const sums = squares(o, gradients, at);
    rows.push({ label: name === 'adagrad' ? 'sum of squared gradients, s' : 'average of squared gradients, v', values: cols((j) => sums[j]) });
    const rate = cols((j) => eta / (Math.sqrt(sums[j]) + o.eps));
    rows.push({ label: `effective rate, η / (√${name === 'adagrad' ? 's' : 'v'} + ε)`, values: rate });
    rule = name === 'adagrad'
      ? `s ← s + g², θ ← θ − η/(√s + ε)·g, with ε = ${num(o.eps)}`
      : `v ← α·v + (1 − α)·g², θ ← θ − η/(√v + ε)·g, with α = ${num(o.alpha)}, ε = ${num(o.eps)}`;
    computed = cols((j) => before.params[j] - rate[j] * g[j]);
    cols((j) => worked.push(`${coordinate(j, n)}: ${num(before.params[j], P)} − ${num(rate[j], 6)} × ${num(g[j], 6)} = ${num(computed[j], P)}`));
  } else if (o.momentum > 0 && after.velocity) {
    const mu = o.momentum;
    const nesterov = o.nesterov || name === 'nesterov';
    rows.push({ label: 'momentum buffer before, b', values: cols((j) => before.velocity?.[j] ?? 0) });
    rows.push({ label: 'momentum buffer after, b', values: cols((j) => after.velocity[j]) });
    const direction = cols((j) => (nesterov ? g[j] + mu * after.velocity[j] : after.velocity[j]));
    rule = nesterov
      ? `b ← μ·b + g, θ ← θ − η·(g + μ·b), with μ = ${num(mu)}`
      : `b ← μ·b + ${o.dampening > 0 ? '(1 − τ)·' : ''}g, θ ← θ − η·b, with μ = ${num(mu)}${o.dampening > 0 ? `, τ = ${num(o.dampening)}` : ''}`;
    computed = cols((j) => before.params[j] - eta * direction[j]);
    cols((j) => worked.push(nesterov
      ? `${coordinate(j, n)}: ${num(before.params[j], P)} − ${num(eta, 6)} × (${num(g[j], 6)} + ${num(mu)} × ${num(after.velocity[j], 6)}) = ${num(computed[j], P)}`
      : `${coordinate(j, n)}: ${num(before.params[j], P)} − ${num(eta, 6)} × ${num(after.velocity[j], 6)} = ${num(computed[j], P)}`));
  } else {
    rule = 'θ ← θ − η·g';
    computed = cols((j) => before.params[j] - eta * g[j]);
    cols((j) => worked.push(`${coordinate(j, n)}: ${num(before.params[j], P)} − ${num(eta, 6)} × ${num(g[j], 6)} = ${num(computed[j], P)}`));
  }
  rows.push({ label: 'step taken, Δθ', values: step });
  rows.push({ label: 'position after', values: cols((j) => after.params[j]), digits: P });
  const checks = worked.map((line, j) => `${line} ${close(computed[j], after.params[j]) ? '✓ the engine’s value' : `(the engine has ${num(after.params[j], P)}: this run has a setting the formula leaves out)`}`);
  return { rule, rows, checks };
}

const isDecoupled = (o) => o.name === 'adamw';

/** The gradients the updates used: clipped to the norm limit, plus λ·θ for coupled weight decay. */
function usedGradients(o, steps, at) {
  const out = [];
  for (let k = 0; k < at; k++) {
    const s = steps[k];
    const norm = Math.hypot(...s.grad);
    const scale = o.clip_grad_norm != null && norm > o.clip_grad_norm ? o.clip_grad_norm / (norm + 1e-6) : 1;
    out.push(s.grad.map((v, j) => v * scale + (!isDecoupled(o) && o.weight_decay > 0 ? o.weight_decay * s.params[j] : 0)));
  }
  return out;
}

/** AdaGrad's running sum of squared gradients, or RMSprop's running average, after update at. */
function squares(o, gradients, at) {
  const n = gradients[0].length;
  const acc = new Array(n).fill(o.initial_accumulator_value ?? 0);
  for (let k = 0; k < at; k++) {
    for (let j = 0; j < n; j++) {
      const g2 = gradients[k][j] ** 2;
      acc[j] = o.name === 'adagrad' ? acc[j] + g2 : o.alpha * acc[j] + (1 - o.alpha) * g2;
    }
  }
  return acc;
}
