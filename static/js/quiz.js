// Quick checks: pick an answer, see whether it was right and why. Nothing goes to the server;
// answered questions are remembered in this browser so the course can show progress.

import { markQuizAnswered, quizAnswered, showProgress } from './progress.js';

function answer(quiz, chosen) {
  const right = Number(quiz.dataset.answer);
  const buttons = quiz.querySelectorAll('.quiz-choice');
  buttons.forEach((button, i) => {
    button.disabled = true;
    button.classList.toggle('is-right', i === right);
    button.classList.toggle('is-wrong', i === chosen && chosen !== right);
    button.setAttribute('aria-pressed', String(i === chosen));
  });
  const verdict = quiz.querySelector('.quiz-verdict');
  verdict.textContent = chosen === right ? 'Right.' : `Not quite: the answer is ${String.fromCharCode(65 + right)}.`;
  verdict.classList.toggle('is-right', chosen === right);
  quiz.querySelector('.quiz-explanation').hidden = false;
  quiz.classList.add('is-answered');
  let retry = quiz.querySelector('.quiz-retry');
  if (!retry) {
    retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'quiz-retry';
    retry.textContent = 'Try again';
    retry.addEventListener('click', () => reset(quiz));
    quiz.querySelector('.quiz-feedback').append(retry);
  }
}

function reset(quiz) {
  quiz.querySelectorAll('.quiz-choice').forEach((button) => {
    button.disabled = false;
    button.classList.remove('is-right', 'is-wrong');
    button.removeAttribute('aria-pressed');
  });
  quiz.querySelector('.quiz-verdict').textContent = '';
  quiz.querySelector('.quiz-explanation').hidden = true;
  quiz.querySelector('.quiz-retry')?.remove();
  quiz.classList.remove('is-answered');
  quiz.querySelector('.quiz-choice')?.focus();
}

export function startQuizzes() {
  document.querySelectorAll('[data-quiz]').forEach((quiz) => {
    quiz.querySelectorAll('.quiz-choice').forEach((button) => {
      button.addEventListener('click', () => {
        answer(quiz, Number(button.dataset.choice));
        markQuizAnswered(quiz.dataset.quiz);
        showProgress();
      });
    });
    if (quizAnswered(quiz.dataset.quiz)) quiz.classList.add('was-answered');
  });
}
