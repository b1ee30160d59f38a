// The print page: render maths and code, open every collapsible so nothing is hidden on paper.
import { nameMathsOnlyButtons, focusableScrollers } from './a11y.js';

document.querySelectorAll('details').forEach((d) => { d.open = true; });

window.addEventListener('load', () => {
  if (window.katex) {
    document.querySelectorAll('.math-inline, .math-display').forEach((node) => {
      window.katex.render(node.textContent, node, { displayMode: node.classList.contains('math-display'), throwOnError: false, errorColor: 'var(--caution)' });
    });
  }
  if (window.hljs) document.querySelectorAll('pre code').forEach((block) => window.hljs.highlightElement(block));
  document.querySelectorAll('.quiz-explanation').forEach((e) => { e.hidden = false; });
  nameMathsOnlyButtons();
  focusableScrollers();
  // the maths fonts may arrive later and widen an equation past its box
  document.fonts?.ready.then(() => focusableScrollers());
  document.fonts?.addEventListener('loadingdone', () => focusableScrollers());
});
