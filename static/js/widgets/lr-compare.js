// lr-compare: one problem, one start, several learning rates: too small, about right, too large.

import { colour, SERIES } from './theme.js';
import * as charts from './charts.js';
import * as paths from './paths.js';
import { Board } from './board.js';
import { num, optimizerName, toNumber } from './format.js';

const lrOf = (w, i) => w.specs[i].optimizer.lr;

async function plot(w) {
  const problem = w.specs[0].problem;
  const key = JSON.stringify(problem);
  if (w.local.landKey !== key) {
    w.local.land = await charts.landscape(w.api, problem, 80);
    w.local.landKey = key;
  }
  const series = w.specs.map((spec, i) => ({ label: `lr ${num(spec.optimizer.lr, 3)}`, colour: colour(SERIES[i]) }));
  w.local.view = { id: w.id, contour: w.figure.querySelector('[data-chart="contour"]'), loss: w.figure.querySelector('[data-chart="loss"]') };
  await paths.plot(w.local.view, w.local.land, series);
  w.local.board = w.local.board ?? new Board(w, w.figure.querySelector('[data-board] tbody'));
  w.local.board.build(series);
}

function draw(w, t, reset) {
  if (!w.local.view?.drawn || !w.local.view.contour.data) return;
  paths.draw(w.local.view, w.player, t, reset);
  w.local.board.fill(t, (i) => {
    const step = w.player.stepOf(i, t);
    return [num(lrOf(w, i), 3), String(step?.t ?? 0), step ? num(toNumber(step.loss), 3) : '–', w.local.board.statusAt(i, t)];
  });
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
