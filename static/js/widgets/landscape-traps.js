// landscape-traps: two valleys (the start decides; a basin map shows where every start ends), a
// saddle point (plain descent stalls, momentum escapes) and a plateau (Adam keeps moving).

import { MultiPath, optimizerSeries } from './multi-path.js';
import * as charts from './charts.js';
import { num, optimizerName, toNumber } from './format.js';
import { fetchApi, busyText, problemText } from './net.js';

const SCENARIOS = {
  valleys: { problem: 'double-well-2d', start: [0.4, 1.6], maxSteps: 300,
    optimizers: ['sgd', 'momentum', 'adam'], lr: { sgd: 0.02, momentum: 0.01, adam: 0.05 } },
  saddle: { problem: 'saddle', start: [-1.8, 0.001], maxSteps: 120,
    optimizers: ['sgd', 'momentum'], lr: { sgd: 0.05, momentum: 0.05 } },
  plateau: { problem: 'plateau-2d', start: [3.5, 3], maxSteps: 300,
    optimizers: ['sgd', 'adam'], lr: { sgd: 0.1, adam: 0.05 } },
};
const BASIN_COLOURS = { global: '#009E73', local: '#E69F00', nowhere: '#999999', diverged: '#D55E00' };

export default class LandscapeTraps extends MultiPath {
  constructor(figure) {
    super(figure);
    this.scenario = this.config.scenario;
    this.#apply();
    this.basinBar = figure.querySelector('[data-basin-bar]');
    this.progress = figure.querySelector('[data-basin-progress]');
    this.basinSelect = figure.querySelector('[data-control="basin-optimizer"]');
    this.basins = null;
  }

  #apply() {
    const s = SCENARIOS[this.scenario];
    this.problem = s.problem;
    this.start = s.start.slice();
    this.config.maxSteps = s.maxSteps;
  }

  series() {
    const s = SCENARIOS[this.scenario];
    return optimizerSeries(s.optimizers, s.lr);
  }

  underlays() {
    return this.scenario === 'valleys' ? [this.#basinTrace()] : [];
  }

  /** After a redraw (theme, new start) the map stays visible over contour lines. */
  async plot() {
    await super.plot();
    if (this.basins) charts.plotly().restyle(this.contour, { 'contours.coloring': 'lines' }, [0]);
  }

  #basinTrace() {
    const b = this.basins ?? { x: [], y: [], z: [] };
    return {
      type: 'heatmap', x: b.x, y: b.y, z: b.z, zmin: -2, zmax: 1, opacity: 0.42, showscale: false, hoverinfo: 'skip',
      colorscale: [[0, BASIN_COLOURS.diverged], [0.25, BASIN_COLOURS.diverged], [0.25, BASIN_COLOURS.nowhere],
        [0.5, BASIN_COLOURS.nowhere], [0.5, BASIN_COLOURS.global], [0.75, BASIN_COLOURS.global],
        [0.75, BASIN_COLOURS.local], [1, BASIN_COLOURS.local]],
    };
  }

  restoreState(s) {
    if (s.trap && this.config.scenarios.includes(s.trap)) {
      this.scenario = s.trap;
      this.#apply();
    }
    this.setControl('scenario', this.scenario);
    const start = (s.start ?? '').split(',').map(Number);
    if (start.length === 2 && start.every(Number.isFinite)) this.start = start;
  }

  currentState() {
    return { trap: this.scenario, start: this.start.join(',') };
  }

  async setup() {
    this.bindControl('scenario', async (name) => {
      this.cancelBasins();
      this.scenario = name;
      this.#apply();
      this.basins = null;
      this.#fillBasinControls();
      await this.loadLandscape();
      this.restart();
    });
    this.figure.querySelector('[data-action="basins"]').addEventListener('click', () => this.mapBasins());
    this.figure.querySelector('[data-action="cancel-basins"]').addEventListener('click', () => this.cancelBasins());
    this.#fillBasinControls();
    await this.loadLandscape();
  }

  #fillBasinControls() {
    this.basinBar.hidden = this.scenario !== 'valleys';
    this.basinSelect.replaceChildren(...SCENARIOS[this.scenario].optimizers.map((name) => {
      const o = document.createElement('option');
      o.value = name;
      o.textContent = optimizerName(name);
      return o;
    }));
    const legend = this.figure.querySelector('[data-basin-legend]');
    legend.replaceChildren();
    if (this.scenario !== 'valleys') return;
    for (const [label, key] of [['global minimum', 'global'], ['local minimum', 'local'], ['neither', 'nowhere'], ['diverged', 'diverged']]) {
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = BASIN_COLOURS[key];
      legend.append(sw, label);
    }
  }

  /** Fills the basin map a few rows per request, so the progress bar moves and Cancel stops it. */
  async mapBasins() {
    this.cancelBasins();
    const name = this.basinSelect.value;
    const spec = {
      problem: { name: this.problem },
      optimizer: { name, lr: SCENARIOS[this.scenario].lr[name] },
      stop: { max_steps: this.config.maxSteps },
    };
    const n = this.config.grid;
    const controller = new AbortController();
    this.basinJob = controller;
    this.progress.hidden = false;
    this.progress.value = 0;
    this.figure.querySelector('[data-action="cancel-basins"]').hidden = false;
    this.basins = { x: [], y: [], z: Array.from({ length: n }, () => Array(n).fill(null)) };
    try {
      for (let from = 0; from < n; from += 10) {
        const to = Math.min(n - 1, from + 9);
        const url = `${this.api}/basins?n=${n}&rows=${from}-${to}&spec=${encodeURIComponent(JSON.stringify(spec))}`;
        const response = await fetchApi(url, { signal: controller.signal, onBusy: (s) => this.setSummary(busyText(s)) });
        if (!response.ok) throw new Error(await problemText(response));
        const part = await response.json();
        this.basins.x = part.x;
        this.basins.y = part.y;
        for (const row of part.rows) this.basins.z[row.j] = row.cells;
        this.progress.value = (to + 1) / n;
        charts.plotly().restyle(this.contour, { z: [this.basins.z], x: [this.basins.x], y: [this.basins.y] }, [1]);
        // a filled contour would hide the map; its lines alone keep the shape of the landscape
        charts.plotly().restyle(this.contour, { 'contours.coloring': 'lines' }, [0]);
      }
      const cells = this.basins.z.flat();
      const share = (k) => Math.round((100 * cells.filter((c) => c === k).length) / cells.length);
      this.setSummary(`${optimizerName(name)} from ${n * n} starts: ${share(0)}% end in the global minimum, `
        + `${share(1)}% in the local one, ${share(-1)}% elsewhere, ${share(-2)}% diverge.`);
    } catch (e) {
      if (e.name !== 'AbortError') this.setSummary('The basin map could not be computed.', true);
    } finally {
      if (this.basinJob === controller) this.#basinDone();
    }
  }

  cancelBasins() {
    this.basinJob?.abort();
    this.#basinDone();
  }

  #basinDone() {
    this.basinJob = null;
    this.progress.hidden = true;
    this.figure.querySelector('[data-action="cancel-basins"]').hidden = true;
  }

  row(i, t) {
    const step = this.player.stepOf(i, t);
    const s = SCENARIOS[this.scenario];
    const pos = step ? `(${num(toNumber(step.params[0]), 3)}, ${num(toNumber(step.params[1]), 3)})` : '–';
    return [num(s.lr[s.optimizers[i]], 3), pos, this.lossAt(i, t), this.statusAt(i, t)];
  }

  summary() {
    return SCENARIOS[this.scenario].optimizers.map((name, i) => this.describeRun(i, optimizerName(name))).join('; ') + '.';
  }
}
