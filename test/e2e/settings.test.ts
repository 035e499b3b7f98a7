/** The profile form shows main's refusal under the field it names, and puts the cursor there. */
import { expect, it } from 'vitest';
import { startApp } from './app';
import { openScreen, uiTimeoutMs } from './ui';

it('shows a refused profile field under that field, with the cursor in it', async () => {
  const { page } = await startApp();
  await openScreen(page, '设置');
  await page.getByRole('button', { name: '新增配置' }).click();
  const form = page.getByRole('form', { name: '新增配置' });
  await form.getByLabel('配置名称').fill('练习环境');
  await form.getByLabel('卖家账号 sid').fill('seller');
  await form.getByLabel('appkey').fill('key');
  await form.getByLabel('appsecret').fill('secret:salt');
  await form.getByRole('button', { name: '保存配置' }).click();

  const nameField = form.locator('.field').filter({ has: page.locator('#profile-name') });
  await expect
    .poll(() => nameField.locator('.field-message').textContent(), { timeout: uiTimeoutMs })
    .toContain('已有名为“练习环境”的配置');
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('profile-name');
  expect(await form.locator('.field-message').count()).toBe(1);
});
