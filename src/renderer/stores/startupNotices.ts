/**
 * Tells the user, once the window is open, about problems main found at start (a damaged settings file set
 * aside, what was recovered, what to re-enter). They stay until dismissed: each asks the user to act.
 */
import { bridge } from './bridge';
import { showNotice } from './noticeStore';

let shown = false;

export async function showStartupNotices(): Promise<void> {
  // Once per window, though React's development mode runs effects twice.
  if (shown) return;
  shown = true;
  try {
    const info = await bridge().getAppInfo(undefined);
    if (!info.ok) return;
    for (const text of info.value.startupNotices ?? []) showNotice('error', text);
  } catch {
    // Without the notices the app still works; the damaged file is kept either way.
  }
}
