/**
 * A profile of the user's own (environment 'custom') pointing at an ERP the test controls, made active: how
 * the app-core tests reach a simulator or a fake ERP on 127.0.0.1 with the demo account.
 */
import type { ProfileSummary } from '../../src/shared/profile';
import { demoAccount } from '../../src/main/wdt/simulator';
import type { TestCore } from './appCore';

export async function useSimulatorProfile(
  test: TestCore,
  url: string,
  appsecret = demoAccount.appsecret,
): Promise<ProfileSummary> {
  const profile = await test.value('createProfile', {
    name: '测试仓',
    environment: 'custom',
    url,
    sid: demoAccount.sid,
    appkey: demoAccount.appkey,
    appsecret,
    operator: '张三',
  });
  await test.value('setActiveProfile', { id: profile.id });
  return profile;
}
