// Several runs on one contour and one loss chart, with a table: the base of lr-compare and
// optimizer-race.

import { Widget, colour } from './widget.js';
import * as charts from './charts.js';
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
    this.drawn = [];
  }

  /** Traces drawn over the contour but under the paths (a basin map, say). */
  underlays() {
    return [];
  }

  /** Index of the first path trace: after the contour, the underlays and the minima. */
  pathOffset() {
    return 2 + this.underlays().length;
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
    const Plotly = charts.plotly();
    const series = this.series();
    await Plotly.react(this.contour, [
      charts.contourTrace(this.land),
      ...this.underlays(),
      charts.minimaTrace(this.land),
      ...series.map((s) => charts.pathTrace(s.label, s.colour)),
      ...series.map((s) => charts.headTrace(s.colour)),
    ], charts.layout({
      xaxis: { range: this.land.range[0], title: { text: 'x' } },
      yaxis: { range: this.land.range[1], title: { text: 'y' } },
    }), charts.config(`${this.id}-paths`));
    await Plotly.react(this.loss, series.map((s) => charts.lossTrace(s.label, s.colour)), charts.layout({
      showlegend: true,
      margin: { l: 48, r: 12, t: 36, b: 40 },
      xaxis: { title: { text: 'iteration' }, rangemode: 'tozero' },
      yaxis: { title: { text: 'loss' }, type: 'log', exponentformat: 'power' },
    }), charts.config(`${this.id}-loss`));
    this.contour.removeAllListeners?.('plotly_click');
    this.contour.on('plotly_click', (event) => {
      const p = event.points?.[0];
      if (!p) return;
      this.start = [Number(p.x.toPrecision(4)), Number(p.y.toPrecision(4))];
      this.restart();
    });
    this.drawn = series.map(() => -1);
    this.board.build(series.map((s) => ({ label: s.label, colour: s.colour })));
  }

  draw(t, reset) {
    const Plotly = charts.plotly();
    if (!this.land || !this.contour.data) return;
    const n = this.player.runs.length;
    const pathX = [];
    const pathY = [];
    const lossX = [];
    const lossY = [];
    const traces = [];
    let any = false;
    for (let i = 0; i < n; i++) {
      const steps = this.player.runs[i].steps;
      const upto = Math.min(t, steps.length - 1);
      if (reset || upto < this.drawn[i]) {
        this.drawn[i] = -1;
        Plotly.restyle(this.contour, { x: [[]], y: [[]] }, [this.pathOffset() + i]);
        Plotly.restyle(this.loss, { x: [[]], y: [[]] }, [i]);
      }
      const xy = charts.slice(steps, this.drawn[i], upto, (s) => [charts.finite(s.params[0]), charts.finite(s.params[1])]);
      const loss = charts.slice(steps, this.drawn[i], upto, (s) => [s.t, charts.finite(s.loss)]);
      pathX.push(xy[0]); pathY.push(xy[1]); lossX.push(loss[0]); lossY.push(loss[1]);
      traces.push(i);
      if (xy[0].length) any = true;
      this.drawn[i] = Math.max(this.drawn[i], upto);
    }
    if (any) {
      Plotly.extendTraces(this.contour, { x: pathX, y: pathY }, traces.map((i) => this.pathOffset() + i));
      Plotly.extendTraces(this.loss, { x: lossX, y: lossY }, traces);
      const allPositive = this.player.runs.every((r) => r.steps.slice(0, t + 1).every((s) => toNumber(s.loss) > 0));
      const type = allPositive ? 'log' : 'linear';
      if (this.loss.layout.yaxis.type !== type) Plotly.relayout(this.loss, { 'yaxis.type': type });
    }
    const heads = this.player.runs.map((_, i) => this.player.stepOf(i, t)).filter(Boolean);
    if (heads.length === n) {
      Plotly.restyle(this.contour, {
        x: heads.map((s) => [charts.finite(s.params[0])]),
        y: heads.map((s) => [charts.finite(s.params[1])]),
      }, heads.map((_, i) => this.pathOffset() + n + i));
    }
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
