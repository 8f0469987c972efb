import { useEffect, useState } from 'react';

/*
 * Light and dark themes: by default the system's (prefers-color-scheme, in the CSS), or the one the
 * person picked with the toggle, kept in localStorage and set as <html data-theme>.
 */

export type ThemeChoice = 'system' | 'light' | 'dark';
const key = 'orchestra.theme';
const order: readonly ThemeChoice[] = ['system', 'light', 'dark'];

export function nextTheme(choice: ThemeChoice): ThemeChoice {
  return order[(order.indexOf(choice) + 1) % order.length] ?? 'system';
}

function stored(): ThemeChoice {
  const value = window.localStorage.getItem(key);
  return value === 'light' || value === 'dark' ? value : 'system';
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const [choice, setChoice] = useState<ThemeChoice>(stored);
  useEffect(() => {
    if (choice === 'system') {
      document.documentElement.removeAttribute('data-theme');
      window.localStorage.removeItem(key);
    } else {
      document.documentElement.setAttribute('data-theme', choice);
      window.localStorage.setItem(key, choice);
    }
  }, [choice]);
  return [choice, setChoice];
}
