// Learner progress, kept only in this browser: lessons visited, quick checks answered and
// predictions made before a widget ran (with whether they were right).

// Two courses on one host share localStorage, so each base path keeps its own ticks. A course at
// the root keeps the original key, so ticks saved before this change stay.
const BASE = document.body?.dataset.base ?? '';
const KEY = BASE ? `downhill-progress:${BASE}` : 'downhill-progress';

function load() {
  try {
    const data = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return { visited: data.visited ?? {}, quizzes: data.quizzes ?? {}, predictions: data.predictions ?? {} };
  } catch (e) {
    return { visited: {}, quizzes: {}, predictions: {} };
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

/** A prediction made before a widget ran; a later one on the same widget replaces it. */
export function markPredicted(id, right) {
  const progress = load();
  progress.predictions[id] = { right: Boolean(right) };
  save(progress);
}

export function predicted(id) {
  return Boolean(load().predictions[id]);
}

export function resetProgress() {
  try { localStorage.removeItem(KEY); } catch (e) { /* nothing stored */ }
}

/** Ticks in the sidebar and on the index for visited lessons, and the counts under the course. */
export function showProgress() {
  const { visited, quizzes, predictions } = load();
  document.querySelectorAll('a[data-lesson]').forEach((link) => {
    link.classList.toggle('is-visited', Boolean(visited[link.dataset.lesson]));
  });
  const count = Object.keys(visited).length;
  const checks = Object.keys(quizzes).length;
  const made = Object.values(predictions);
  const right = made.filter((p) => p.right).length;
  const summary = document.querySelector('[data-progress-summary]');
  if (summary) {
    summary.hidden = checks + made.length === 0;
    summary.textContent = `Quick checks answered: ${checks}. Predictions made: ${made.length} (${right} right).`;
  }
  const reset = document.querySelector('[data-progress-reset]');
  if (reset) reset.hidden = count + checks + made.length === 0;
}
