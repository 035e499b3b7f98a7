import { expect, it } from 'vitest';
import { screenshot, startApp } from './app';

it('opens on the practice environment, with the first document screen ready', async () => {
  const { page } = await startApp();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await expect(page.getByRole('heading', { level: 1 }).first().textContent()).resolves.toBe(
    '外仓调整出库单创建',
  );
  await expect(page.getByText('练习环境').first().isVisible()).resolves.toBe(true);
  await screenshot(page, '01-first-start');
});
