// optimizer-race: several optimizers from one start on a shared clock, with a leaderboard; "tune"
// sweeps each optimizer's learning rate on the server and races each at its best.

import { MultiPath, optimizerSeries } from './multi-path.js';
import { colour, themeColours } from './widget.js';
import { num, optimizerName, toNumber } from './format.js';
import * as charts from './charts.js';
import { fetchApi } from './net.js';

export default class OptimizerRace extends MultiPath {
  constructor(figure) {
    super(figure);
    this.lr = { ...this.config.lr };
    this.tuned = false;
    this.sweepBox = figure.querySelector('[data-sweep]');
    this.sweepChart = figure.querySelector('[data-chart="sweep"]');
    this.tuneButton = figure.querySelector('[data-action="tune"]');
  }

  series() {
    return optimizerSeries(this.config.optimizers, this.lr);
  }

  restoreState(s) {
    if (s.problem && this.config.problems.includes(s.problem)) this.problem = s.problem;
    this.setControl('problem', this.problem);
    const start = (s.start ?? '').split(',').map(Number);
    if (start.length === 2 && start.every(Number.isFinite)) this.start = start;
    this.wantTuned = s.tuned === '1';
  }

  currentState() {
    return { problem: this.problem, start: this.start.join(','), tuned: this.tuned ? '1' : '0' };
  }

  async setup() {
    this.bindControl('problem', async (name) => {
      this.problem = name;
      this.land = await charts.landscape(this.api, { name }, 80);
      this.start = this.land.defaultStart.slice();
      await this.untune();
    });
    this.tuneButton?.addEventListener('click', () => (this.tuned ? this.untune() : this.tune()));
    await this.loadLandscape();
    if (this.wantTuned) await this.tune(false);
  }

  /** Back to the learning rates the lesson chose. */
  async untune() {
    this.tuned = false;
    this.sweep = null;
    this.lr = { ...this.config.lr };
    this.sweepBox.hidden = true;
    this.#pressed(false);
    await this.plot();
    this.restart();
  }

  /** Sweeps every optimizer's lr on the server, then races each at its best. */
  async tune(play = true) {
    this.#pressed(true);
    this.tuneButton.disabled = true;
    this.setSummary('Sweeping the learning rates on the server…');
    const spec = {
      problem: this.problemSpec(), start: this.start, stop: { max_steps: this.config.maxSteps }, seed: 0,
      optimizers: this.config.optimizers, tolerance: this.config.tolerance,
    };
    try {
      const response = await fetchApi(`${this.api}/sweep?spec=${encodeURIComponent(JSON.stringify(spec))}`);
      const body = await response.json();
      if (!response.ok) throw new Error(`${body.field ? body.field + ': ' : ''}${body.detail ?? response.status}`);
      this.sweep = body;
    } catch (error) {
      this.tuneButton.disabled = false;
      this.#pressed(false);
      this.setSummary(`The sweep failed: ${error.message}`, true);
      return;
    }
    this.tuneButton.disabled = false;
    this.tuned = true;
    for (const curve of this.sweep.curves) {
      if (curve.best_lr !== null) this.lr[curve.optimizer] = curve.best_lr;
    }
    this.sweepBox.hidden = false;
    await this.plot();
    await this.plotSweep();
    this.restart();
    this.setSummary(`Tuned: ${this.sweep.curves.map((c) => `${optimizerName(c.optimizer)} at lr ${c.best_lr === null ? `${num(this.lr[c.optimizer], 3)} (every lr diverged)` : num(c.best_lr, 3)}`).join(', ')}. Press Play to race.`);
    if (play) this.player.play();
  }

  #pressed(on) {
    if (!this.tuneButton) return;
    this.tuneButton.setAttribute('aria-pressed', String(on));
    this.tuneButton.querySelector('.label').textContent = on ? 'Use the lesson’s learning rates' : 'Tune each optimizer';
  }

  async plotSweep() {
    const Plotly = charts.plotly();
    const c = themeColours();
    const curves = this.sweep.curves;
    const finite = curves.flatMap((cv) => cv.points.map((p) => p.final_loss).filter((v) => v !== null && v > 0));
    const floor = Math.max(1e-32, Math.min(...finite, 1) / 10);
    const ceiling = Math.max(...finite, 1) * 10;
    const traces = [];
    curves.forEach((cv, k) => {
      // diverged runs sit in a row above the curves, one row per optimizer so none hides another
      const shown = (p) => (p.final_loss === null ? ceiling * 2.2 ** k : Math.max(p.final_loss, floor));
      const col = colour(cv.optimizer);
      const label = optimizerName(cv.optimizer);
      const ok = cv.points.filter((p) => p.final_loss !== null);
      const bad = cv.points.filter((p) => p.final_loss === null);
      traces.push({
        type: 'scatter', mode: 'lines+markers', name: label, x: ok.map((p) => p.lr), y: ok.map(shown),
        line: { color: col, width: 2 }, marker: { color: col, size: 6 },
        customdata: ok.map((p) => [p.final_loss, p.reached_at === null ? 'never' : `step ${p.reached_at}`]),
        hovertemplate: `${label}<br>lr %{x:.3g}<br>final loss %{customdata[0]:.3g}<br>below tolerance for good: %{customdata[1]}<extra></extra>`,
      });
      traces.push({
        type: 'scatter', mode: 'markers', name: `${label} diverged`, showlegend: false, x: bad.map((p) => p.lr), y: bad.map(shown),
        marker: { color: col, size: 8, symbol: 'x-thin', line: { color: col, width: 2 } },
        hovertemplate: `${label}<br>lr %{x:.3g}<br>diverged<extra></extra>`,
      });
      if (cv.best_index !== null) {
        const best = cv.points[cv.best_index];
        traces.push({
          type: 'scatter', mode: 'markers', name: `${label} best`, showlegend: false, x: [best.lr], y: [shown(best)],
          marker: { color: col, size: 17, symbol: 'circle-open', line: { color: col, width: 3 } },
          hovertemplate: `${label} races at lr %{x:.3g}<extra></extra>`,
        });
      }
    });
    const tol = this.sweep.tolerance;
    await Plotly.react(this.sweepChart, traces, charts.layout({
      showlegend: true,
      margin: { l: 56, r: 12, t: 36, b: 44 },
      xaxis: { title: { text: 'learning rate (log)' }, type: 'log', exponentformat: 'power' },
      yaxis: { title: { text: `final loss after ${this.sweep.max_steps} steps` }, type: 'log', exponentformat: 'power', range: [Math.log10(floor) - 0.3, Math.log10(ceiling * 2.2 ** curves.length) + 0.2] },
      shapes: [{ type: 'line', xref: 'paper', x0: 0, x1: 1, yref: 'y', y0: tol, y1: tol, line: { color: c.faint, width: 1.5, dash: 'dot' } }],
      annotations: [
        { xref: 'paper', x: 0, y: Math.log10(tol), yref: 'y', text: `tolerance ${num(tol)}`, showarrow: false, xanchor: 'left', yanchor: 'bottom', font: { size: 11, color: c.soft } },
        { xref: 'paper', x: 1, y: Math.log10(ceiling), yref: 'y', text: '× diverged', showarrow: false, xanchor: 'right', yanchor: 'top', font: { size: 11, color: c.soft } },
      ],
    }), charts.config(`${this.id}-sweep`));
  }

  /** The first step at which run i's loss went below the tolerance, if it has by step t. */
  reached(i, t) {
    const steps = this.player.runs[i].steps;
    const last = Math.min(t, steps.length - 1);
    for (let k = 0; k <= last; k++) if (toNumber(steps[k].loss) < this.config.tolerance) return k;
    return null;
  }

  row(i, t) {
    const hit = this.reached(i, t);
    return [num(this.lr[this.config.optimizers[i]], 3), hit === null ? '–' : String(hit), this.lossAt(i, t), this.statusAt(i, t)];
  }

  summary() {
    const order = this.config.optimizers.map((name, i) => ({ name, hit: this.reached(i, Infinity) }))
      .sort((a, b) => (a.hit ?? Infinity) - (b.hit ?? Infinity));
    const winner = order[0];
    const lead = winner.hit === null
      ? `No optimizer got the loss below ${num(this.config.tolerance)}`
      : `${optimizerName(winner.name)} was first below loss ${num(this.config.tolerance)}, at step ${winner.hit}`;
    const how = this.tuned ? ' (each at its tuned learning rate)' : '';
    return `${lead}${how}. ` + this.config.optimizers.map((name, i) => this.describeRun(i, optimizerName(name))).join('; ') + '.';
  }

  themeChanged() {
    super.themeChanged();
    if (this.tuned && this.sweep) this.plotSweep();
  }
}
