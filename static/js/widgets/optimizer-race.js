// optimizer-race: several optimizers from one start on a shared clock, with a leaderboard.

import { MultiPath, optimizerSeries } from './multi-path.js';
import { num, optimizerName, toNumber } from './format.js';
import * as charts from './charts.js';

export default class OptimizerRace extends MultiPath {
  series() {
    return optimizerSeries(this.config.optimizers, this.config.lr);
  }

  restoreState(s) {
    if (s.problem && this.config.problems.includes(s.problem)) this.problem = s.problem;
    this.setControl('problem', this.problem);
    const start = (s.start ?? '').split(',').map(Number);
    if (start.length === 2 && start.every(Number.isFinite)) this.start = start;
  }

  currentState() {
    return { problem: this.problem, start: this.start.join(',') };
  }

  async setup() {
    this.bindControl('problem', async (name) => {
      this.problem = name;
      this.land = await charts.landscape(this.api, { name }, 80);
      this.start = this.land.defaultStart.slice();
      await this.plot();
      this.restart();
    });
    await this.loadLandscape();
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
    return [num(this.config.lr[this.config.optimizers[i]], 3), hit === null ? '–' : String(hit), this.lossAt(i, t), this.statusAt(i, t)];
  }

  summary() {
    const order = this.config.optimizers.map((name, i) => ({ name, hit: this.reached(i, Infinity) }))
      .sort((a, b) => (a.hit ?? Infinity) - (b.hit ?? Infinity));
    const winner = order[0];
    const lead = winner.hit === null
      ? `No optimizer got the loss below ${num(this.config.tolerance)}`
      : `${optimizerName(winner.name)} was first below loss ${num(this.config.tolerance)}, at step ${winner.hit}`;
    return `${lead}. ` + this.config.optimizers.map((name, i) => this.describeRun(i, optimizerName(name))).join('; ') + '.';
  }
}
