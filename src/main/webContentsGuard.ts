/**
 * One rule for every web contents the app ever creates, not only the main window's: no new windows, no
 * navigation away from our own page, no webviews. window.ts sets the same on the main window; this guard
 * also covers anything created later (a devtools-less popup, a stray webview), before it can load a page.
 */
import { isAllowedNavigation } from './security';

/** The part of Electron's WebContents the guard uses (this file stays free of Electron, tested in Node). */
export interface GuardedContents {
  setWindowOpenHandler(handler: () => { action: 'deny' }): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
}

/** The part of Electron's App the guard uses. */
export interface GuardedApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: GuardedContents) => void): unknown;
}

function lockDownWebContents(contents: GuardedContents, appUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Call once, before the first window: every web contents created from then on is locked down. */
export function guardAllWebContents(app: GuardedApp, appUrl: string): void {
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents, appUrl));
}
