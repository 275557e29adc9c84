// Apply the saved theme before first paint, so dark mode does not flash. The build inlines this
// into every page (vite.config.ts) and the Content-Security-Policy allows exactly this text, by
// its hash; the dev server loads it as a file.
try {
  const t = localStorage.getItem('theme');
  const dark =
    t === 'dark' || (t !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
} catch {
  // Storage blocked: the system theme applies.
}
