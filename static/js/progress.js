// Learner progress, kept only in this browser: lessons visited and quick checks answered.

// Two courses on one host share localStorage, so each base path keeps its own ticks. A course at
// the root keeps the original key, so ticks saved before this change stay.
const BASE = document.body?.dataset.base ?? '';
const KEY = BASE ? `downhill-progress:${BASE}` : 'downhill-progress';

function load() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return { visited: data.visited ?? {}, quizzes: data.quizzes ?? {} };
  } catch (e) {
    return { visited: {}, quizzes: {} };
  }
}

function save(progress) {
  try { localStorage.setItem(KEY, JSON.stringify(progress)); } catch (e) { /* storage full or disabled */ }
}

export function markVisited(slug) {
  const progress = load();
  progress.visited[slug] = true;
  save(progress);
}

export function markQuizAnswered(id) {
  const progress = load();
  progress.quizzes[id] = true;
  save(progress);
}

export function quizAnswered(id) {
  return Boolean(load().quizzes[id]);
}

export function resetProgress() {
  try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
}

/** Ticks in the sidebar and on the index for visited lessons. */
export function showProgress() {
  const { visited } = load();
  document.querySelectorAll('a[data-lesson]').forEach((link) => {
    link.classList.toggle('is-visited', Boolean(visited[link.dataset.lesson]));
  });
  const count = Object.keys(visited).length;
  const reset = document.querySelector('[data-progress-reset]');
  if (reset) reset.hidden = count === 0;
}
