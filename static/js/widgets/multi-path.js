// Several runs on one contour and one loss chart, with a table: the base of lr-compare and
// optimizer-race.

import { Widget, colour } from './widget.js';
import * as charts from './charts.js';
import * as paths from './paths.js';
import { num, optimizerName, toNumber } from './format.js';
import { Board } from './board.js';

/** One run per optimizer, each in its own colour and with its own learning rate. */
export function optimizerSeries(optimizers, lr) {
  return optimizers.map((name) => ({
    key: name,
    label: optimizerName(name),
    colour: colour(name),
    optimizer: { name, lr: lr[name] },
  }));
}

export class MultiPath extends Widget {
  constructor(figure) {
    super(figure);
    this.problem = this.config.problem;
    this.start = (this.config.start ?? []).slice();
    this.contour = figure.querySelector('[data-chart="contour"]');
    this.loss = figure.querySelector('[data-chart="loss"]');
    this.board = new Board(this, figure.querySelector('[data-board] tbody'));
  }

  /** Traces drawn over the contour but under the paths (a basin map, say). */
  underlays() {
    return [];
  }

  /** One entry per run: { key, label, colour, optimizer: {...} }. */
  series() { return []; }

  /** The table row cells for run i at step t. */
  row(i, t) { return []; }

  /** The run spec's problem; a typed function overrides this. */
  problemSpec() {
    return this.config.expression
      ? { expression: this.config.expression, range: [[-3, 3], [-3, 3]] }
      : { name: this.problem };
  }

  specs() {
    return this.series().map((s) => ({
      problem: this.problemSpec(),
      start: this.start,
      optimizer: s.optimizer,
      stop: { max_steps: this.config.maxSteps },
      changes: [],
      seed: 0,
    }));
  }

  async loadLandscape() {
    this.land = await charts.landscape(this.api, this.problemSpec(), 80);
    await this.plot();
  }

  async plot() {
    const series = this.series();
    this.paths = { id: this.id, contour: this.contour, loss: this.loss };
    await paths.plot(this.paths, this.land, series, this.underlays());
    this.contour.removeAllListeners?.('plotly_click');
    this.contour.on('plotly_click', (event) => {
      const p = event.points?.[0];
      if (!p) return;
      this.start = [Number(p.x.toPrecision(4)), Number(p.y.toPrecision(4))];
      this.restart();
    });
    this.board.build(series.map((s) => ({ label: s.label, colour: s.colour })));
  }

  draw(t, reset) {
    if (!this.land || !this.contour.data || !this.paths) return;
    paths.draw(this.paths, this.player, t, reset);
    this.board.fill(t, (i) => this.row(i, t));
  }

  /** Status text of run i as seen at step t. */
  statusAt(i, t) {
    return this.board.statusAt(i, t);
  }

  lossAt(i, t) {
    const step = this.player.stepOf(i, t);
    return step ? num(toNumber(step.loss), 3) : '–';
  }

  themeChanged() {
    this.series().forEach((s) => { s.colour = colour(s.key); });
    this.plot().then(() => this.draw(this.player.t, true));
  }
}
