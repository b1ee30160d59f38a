// Loads a classic script (a library that sets a global) once; resolves when it has run.

const loading = new Map();

/** Loads `src` by a script element, once per src; `failure` is the error's message. */
export function loadScript(src, failure) {
  if (!loading.has(src)) {
    const done = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = src;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(failure));
      document.head.append(script);
    });
    // a failed load may be tried again
    loading.set(src, done.catch((error) => { loading.delete(src); throw error; }));
  }
  return loading.get(src);
}
