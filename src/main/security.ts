/**
 * The window's security policy as plain data and predicates, so it is tested in Node; window.ts applies it
 * to Electron. The renderer loads only our own files and never touches the network itself.
 */

/** Strict CSP: our own scripts and styles only, no eval, no network from the renderer. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // React sets style attributes; no remote stylesheets.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // Excel parsing runs in a Web Worker built from our own bundle.
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

/**
 * Navigation is allowed only within the app's own page (hash or query changes). Everything else, a link,
 * a dropped file, a script, is refused: the app never shows foreign content with its preload.
 */
export function isAllowedNavigation(targetUrl: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(targetUrl);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
}

interface KeyInput {
  readonly type: string;
  readonly key: string;
  readonly control: boolean;
  readonly meta: boolean;
  readonly shift: boolean;
  readonly alt: boolean;
}

/**
 * Keys a scanner or a stray hand can send that would reload the app, lose an unsaved keystroke or open
 * DevTools. In production they are swallowed before the page sees them.
 */
export function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const ctrl = input.control || input.meta;
  if (key === 'f5' || key === 'f12') return true;
  if (
    ctrl &&
    (key === 'r' || key === 'w' || key === 'p' || key === '-' || key === '=' || key === '+' || key === '0')
  )
    return true;
  if (ctrl && input.shift && (key === 'i' || key === 'j' || key === 'c' || key === 'r')) return true;
  return false;
}

/** The sender check every IPC call passes before its handler runs. */
interface SenderFrame {
  readonly url: string;
  /** True when the message came from the top-level frame of our window. */
  readonly isMainFrame: boolean;
  /** True when the sending WebContents is the app's own window. */
  readonly isAppWindow: boolean;
}

export function isTrustedSender(frame: SenderFrame, appUrl: string): boolean {
  return frame.isAppWindow && frame.isMainFrame && isAllowedNavigation(frame.url, appUrl);
}
