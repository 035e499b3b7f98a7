/**
 * "测试连接": a signed probe that creates nothing. The result is read like this: passing means the ERP let
 * the probe through to its business checks, so address, sid, appkey, secret, IP whitelist and clock are right.
 */
import type { ProfileSummary } from '../../../shared/profile';
import { testConnection, useConnectionTest } from '../../stores/profileStore';
import { Button } from '../../ui/Button';

export function ConnectionTest({ profile }: { readonly profile: ProfileSummary }) {
  const state = useConnectionTest(profile.id);
  const running = state?.phase === 'running';
  return (
    <>
      <Button onClick={() => void testConnection(profile.id)} disabled={running}>
        {running ? '测试中…' : '测试连接'}
      </Button>
      {state?.phase === 'done' && (
        <div
          className={`connection-result ${state.result.ok ? 'result-success' : 'result-error'}`}
          role="status"
        >
          <strong>{state.result.ok ? '连接正常' : '连接失败'}</strong>（{state.result.durationMs} 毫秒）：
          {state.result.summary}
          {state.result.detail && <div className="muted small">{state.result.detail}</div>}
          <div className="muted small">
            说明：测试会发送一个经过签名、不会创建任何单据的请求。"连接正常"表示地址、卖家账号、appkey、密钥、IP
            白名单和电脑时间都正确；失败时请按上面的说明检查对应项。
          </div>
        </div>
      )}
      {state?.phase === 'failed' && (
        <div className="connection-result result-error" role="alert">
          无法测试：{state.error.message}
        </div>
      )}
    </>
  );
}
