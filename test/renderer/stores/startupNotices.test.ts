/** Problems main found at start reach the user once, as notices that stay until dismissed. */
import { afterEach, expect, it, vi } from 'vitest';
import type { AppInfo, WdtBridge } from '../../../src/shared/ipc';
import { getNotices } from '../../../src/renderer/stores/noticeStore';
import { showStartupNotices } from '../../../src/renderer/stores/startupNotices';

afterEach(() => {
  vi.unstubAllGlobals();
});

it('shows each start-up notice once, as an error that stays', async () => {
  const text =
    '设置文件已损坏（可能是磁盘曾写满或文件被改动），程序已照常启动。损坏的文件已另存为 /x/settings.json.damaged-20261201-093000。';
  let calls = 0;
  const info: AppInfo = { version: '1', dataFolder: '/x', startupNotices: [text] };
  const bridge = {
    getAppInfo: () => {
      calls += 1;
      return Promise.resolve({ ok: true as const, value: info });
    },
  };
  vi.stubGlobal('window', { wdt: bridge as unknown as WdtBridge });
  await showStartupNotices();
  await showStartupNotices();
  expect(calls).toBe(1);
  expect(
    getNotices()
      .filter((notice) => notice.text === text)
      .map((notice) => notice.kind),
  ).toEqual(['error']);
});
