// Apply the saved theme before first paint, so dark mode does not flash. A file, not an inline
// script, so the Content-Security-Policy can forbid inline script.
try {
  const t = localStorage.getItem('theme');
  const dark =
    t === 'dark' || (t !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
} catch {
  // Storage blocked: the system theme applies.
}
