// lr-compare: one problem, one start, several learning rates: too small, about right, too large.

import { colour, SERIES } from './theme.js';
import * as paths from './paths.js';
import { num, optimizerName } from './format.js';

const lrOf = (w, i) => w.specs[i].optimizer.lr;

async function plot(w) {
  await paths.plotRuns(w, w.specs.map((spec, i) => ({ label: `lr ${num(spec.optimizer.lr, 3)}`, colour: colour(SERIES[i]) })));
}

function draw(w, t, reset) {
  paths.drawRuns(w, t, reset, (i, step) => String(step?.t ?? 0));
}

function summary(w) {
  const name = optimizerName(w.specs[0].optimizer.name);
  return w.specs.map((spec, i) => w.describeRun(i, `${name} with lr ${num(spec.optimizer.lr, 3)}`)).join('; ') + '.';
}

/** Runs are named by their learning rate in downloads. */
function label(w, i) {
  return `lr ${lrOf(w, i)}`;
}

export default { charts: plot, draw, summary, label };
