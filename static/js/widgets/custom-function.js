// custom-function: the learner types f(x, y); the server parses it safely, differentiates it with
// reverse-mode autodiff, and several optimizers race on it.

import { MultiPath, optimizerSeries } from './multi-path.js';
import { num, optimizerName, toNumber } from './format.js';
import { showExpressionError } from './expression-error.js';
import { fetchApi, fetchJson, problemText } from './net.js';

export default class CustomFunction extends MultiPath {
  constructor(figure) {
    super(figure);
    this.expression = this.config.expression;
    this.form = figure.querySelector('[data-expression-form]');
    this.input = figure.querySelector('[data-control="expression"]');
    this.error = figure.querySelector('[data-expression-error]');
  }

  problemSpec() {
    const [lo, hi] = this.config.range;
    return { expression: this.expression, range: [[lo, hi], [lo, hi]] };
  }

  series() {
    return optimizerSeries(this.config.optimizers, this.config.lr);
  }

  restoreState(s) {
    if (typeof s.f === 'string' && s.f.length > 0 && s.f.length <= 500) this.expression = s.f;
    this.input.value = this.expression;
    const start = (s.start ?? '').split(',').map(Number);
    if (start.length === 2 && start.every(Number.isFinite)) this.start = start;
  }

  currentState() {
    return { f: this.expression, start: this.start.join(',') };
  }

  async setup() {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.tryExpression(this.input.value.trim());
    });
    const ok = await this.tryExpression(this.expression, true);
    if (!ok) {
      this.expression = this.config.expression;
      this.input.value = this.expression;
      await this.tryExpression(this.expression, true);
    }
  }

  /**
   * Asks the server whether the text parses (a typo is shown under the box with a caret at its
   * column, and the old function stays), then for the new function's landscape.
   */
  async tryExpression(text, first = false) {
    const check = await fetchJson(`${this.api}/expression?dimension=2&text=${encodeURIComponent(text)}`);
    if (!check.valid) {
      this.#showError(text, check.message);
      return false;
    }
    const previous = this.expression;
    this.expression = text;
    const url = `${this.api}/landscape?problem=${encodeURIComponent(JSON.stringify(this.problemSpec()))}&n=80`;
    const response = await fetchApi(url);
    if (!response.ok) {
      this.expression = previous;
      this.#showError(text, await problemText(response));
      return false;
    }
    this.#showError(text, null);
    this.land = await response.json();
    await this.plot();
    if (!first) this.restart();
    return true;
  }

  #showError(text, detail) {
    showExpressionError(this.input, this.error, text, detail);
  }

  row(i, t) {
    const step = this.player.stepOf(i, t);
    return [num(this.config.lr[this.config.optimizers[i]], 3), String(step?.t ?? 0), this.lossAt(i, t), this.statusAt(i, t)];
  }

  summary() {
    const finals = this.config.optimizers.map((name, i) => {
      const steps = this.player.runs[i].steps;
      return { name, value: toNumber(steps[steps.length - 1].loss), diverged: this.player.runs[i].status?.reason === 'diverged' };
    }).filter((r) => !r.diverged && Number.isFinite(r.value)).sort((a, b) => a.value - b.value);
    const lead = finals.length ? `${optimizerName(finals[0].name)} ended lowest, at f = ${num(finals[0].value, 3)}. ` : '';
    return lead + this.config.optimizers.map((name, i) => this.describeRun(i, optimizerName(name))).join('; ') + '.';
  }
}
