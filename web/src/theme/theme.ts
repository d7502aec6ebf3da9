export type Theme = 'dark' | 'light';

const key = 'keepsake.theme';

/** Dark unless the person chose light; the choice is kept per browser. */
export function savedTheme(): Theme {
  try {
    return localStorage.getItem(key) === 'light' ? 'light' : 'dark';
  } catch {
    return 'dark';
  }
}

export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.querySelector('meta[name="theme-color"]')?.setAttribute('content', theme === 'dark' ? '#111318' : '#f6f7f9');
  try {
    localStorage.setItem(key, theme);
  } catch {
    // storage disabled: the choice lasts for this page
  }
}
