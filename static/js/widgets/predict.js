// Predict, then check: a widget may ask a question before it runs. The learner picks an answer
// (or skips it and just runs the widget); the answer and its reason appear once the learner has
// answered and the run has reached its end, or at once with "Show the answer". Every widget shares
// this: the runtime only announces the end of a run with a 'downhill:run-ended' event.

import { markPredicted, predicted, showProgress } from '../progress.js';

export function startPrediction(figure) {
  const box = figure.querySelector('[data-predict]');
  if (!box || box.dataset.started) return;
  box.dataset.started = 'true';
  const slug = document.querySelector('[data-slug]')?.dataset.slug ?? window.location.pathname;
  const id = `${slug}-${figure.id}`;
  const answer = Number(box.dataset.answer);
  const radios = [...box.querySelectorAll('input[type="radio"]')];
  const label = (i) => radios[i].parentElement.textContent.trim();
  const hint = box.querySelector('[data-predict-hint]');
  const verdict = box.querySelector('[data-predict-verdict]');
  const why = box.querySelector('[data-predict-why]');
  const show = box.querySelector('[data-predict-show]');
  let chosen = null;
  let ended = false;
  let revealed = false;

  if (predicted(id)) box.classList.add('was-predicted');

  const reveal = () => {
    if (revealed) return;
    revealed = true;
    radios.forEach((radio, i) => {
      radio.disabled = true;
      radio.parentElement.classList.toggle('is-right', i === answer);
      radio.parentElement.classList.toggle('is-wrong', i === chosen && chosen !== answer);
    });
    if (chosen === null) verdict.textContent = `Answer: ${label(answer)}.`;
    else if (chosen === answer) verdict.textContent = `Your prediction was right: ${label(answer)}.`;
    else verdict.textContent = `You predicted “${label(chosen)}”; the run shows: ${label(answer)}.`;
    verdict.classList.toggle('is-right', chosen === answer);
    hint.hidden = true;
    verdict.hidden = false;
    why.hidden = false;
    show.hidden = true;
    box.classList.add('is-revealed');
    if (chosen !== null) {
      markPredicted(id, chosen === answer);
      showProgress();
    }
  };

  radios.forEach((radio, i) => radio.addEventListener('change', () => {
    if (revealed) return;
    chosen = i;
    if (ended) reveal();
    else hint.textContent = `Your prediction: ${label(i)}. Now run the widget to check it.`;
  }));
  show.addEventListener('click', reveal);
  figure.addEventListener('downhill:run-ended', () => {
    ended = true;
    if (chosen !== null) reveal();
  });
}
