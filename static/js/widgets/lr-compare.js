// lr-compare: one problem, one start, several learning rates: too small, about right, too large.

import { MultiPath } from './multi-path.js';
import { colour, SERIES } from './widget.js';
import { num, optimizerName } from './format.js';

export default class LrCompare extends MultiPath {
  constructor(figure) {
    super(figure);
    this.lrs = this.config.lrs.slice();
  }

  series() {
    return this.lrs.map((lr, i) => ({
      key: SERIES[i],
      label: `lr ${num(lr, 3)}`,
      colour: colour(SERIES[i]),
      optimizer: { name: this.config.optimizer, lr },
    }));
  }

  restoreState(s) {
    this.lrs.forEach((_, i) => {
      const v = Number(s[`lr${i}`]);
      if (v > 0) this.lrs[i] = v;
      this.setControl(`lr${i}`, this.lrs[i]);
    });
    const start = (s.start ?? '').split(',').map(Number);
    if (start.length === 2 && start.every(Number.isFinite)) this.start = start;
  }

  currentState() {
    const state = { start: this.start.join(',') };
    this.lrs.forEach((lr, i) => { state[`lr${i}`] = String(lr); });
    return state;
  }

  async setup() {
    this.lrs.forEach((_, i) => this.bindControl(`lr${i}`, (lr) => {
      this.lrs[i] = lr;
      this.plot().then(() => this.restart());
      return num(lr, 3);
    }));
    await this.loadLandscape();
  }

  row(i, t) {
    const step = this.player.stepOf(i, t);
    return [num(this.lrs[i], 3), String(step?.t ?? 0), this.lossAt(i, t), this.statusAt(i, t)];
  }

  runLabel(i) {
    return `lr ${this.lrs[i]}`;
  }

  summary() {
    const name = optimizerName(this.config.optimizer);
    return this.lrs.map((lr, i) => this.describeRun(i, `${name} with lr ${num(lr, 3)}`)).join('; ') + '.';
  }
}
