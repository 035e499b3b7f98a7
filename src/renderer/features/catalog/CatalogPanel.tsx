/**
 * 设置 → 商品目录: what the active profile's local catalog holds, where it came from and when, and the syncs
 * that fill it (完整同步 from a start date, 增量同步 since the last one), with their progress, a cancel, the
 * sources the ERP refused and what the administrator must enable. Main does the work; this shows main's
 * status as it arrives (catalogChanged).
 */
import { useEffect, useId, useState, type ReactNode } from 'react';
import {
  catalogSourceLabels,
  catalogSources,
  DEFAULT_FULL_SYNC_YEARS,
  type CatalogStatus,
  type CatalogSyncProgress,
} from '../../../shared/catalog';
import { Button } from '../../ui/Button';
import { formatLocalTime } from '../log/logFormat';
import {
  acceptPanelStatus,
  cancelCatalogSync,
  startCatalogSync,
  useCatalogPanel,
  watchCatalog,
} from './catalogStore';
import { CatalogImportButton } from './CatalogImportButton';
import './catalog.css';

export function CatalogPanel() {
  const { status, asking, error } = useCatalogPanel();
  const [since, setSince] = useState(defaultSince);
  useEffect(() => watchCatalog(), []);
  return (
    <CatalogPanelView
      status={status}
      asking={asking}
      error={error}
      since={since}
      onSinceChange={setSince}
      onFull={() => void startCatalogSync('full', since)}
      onIncremental={() => void startCatalogSync('incremental')}
      onCancel={() => void cancelCatalogSync()}
      importButton={
        <CatalogImportButton
          disabled={status === null || status.loading || status.sync?.state === 'running' || asking !== null}
          onImported={acceptPanelStatus}
        />
      }
    />
  );
}

/** YYYY-MM-DD in the computer's time zone, as a date input holds it. */
function isoDate(date: Date, yearsBack = 0): string {
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear() - yearsBack}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** DEFAULT_FULL_SYNC_YEARS years before today. */
export function defaultSince(today: Date = new Date()): string {
  return isoDate(today, DEFAULT_FULL_SYNC_YEARS);
}

const originLabels: Readonly<Record<CatalogStatus['origin'], string>> = {
  erp: '从 ERP 同步',
  file: '从文件导入',
  empty: '还没有内容',
};

const stateLabels: Readonly<Record<CatalogSyncProgress['state'], string>> = {
  running: '正在同步',
  done: '同步完成',
  cancelled: '同步已取消（已读到的内容已保留）',
  failed: '同步失败（已读到的内容已保留）',
};

const modeLabels: Readonly<Record<CatalogSyncProgress['mode'], string>> = {
  full: '完整同步',
  incremental: '增量同步',
};

export interface CatalogPanelViewProps {
  readonly status: CatalogStatus | null;
  readonly asking: 'sync' | 'cancel' | null;
  readonly error: string | null;
  /** YYYY-MM-DD: where a full sync starts. */
  readonly since: string;
  readonly onSinceChange: (since: string) => void;
  readonly onFull: () => void;
  readonly onIncremental: () => void;
  readonly onCancel: () => void;
  /** The file import's button, shown beside the syncs. */
  readonly importButton?: ReactNode;
}

export function CatalogPanelView(props: CatalogPanelViewProps) {
  const { status, asking, error, since } = props;
  const sinceId = useId();
  const running = status?.sync?.state === 'running';
  const canStart =
    status !== null && status.profileId !== null && !status.loading && !running && asking === null;
  return (
    <section className="panel catalog-panel" aria-labelledby="catalog-title">
      <div className="panel-head">
        <h2 id="catalog-title" className="section-title">
          商品目录
        </h2>
      </div>
      <p className="field-hint">
        从 ERP
        读取货品（含全部条码）、组合装、仓库、供应商和采购员，保存在本机：填写时可以看到名称、自动补全，
        扫条码可找到商家编码。目录可能不是最新的，只作提示，不会阻止提交。
      </p>
      {error && (
        <p className="result result-error" role="alert">
          {error}
        </p>
      )}
      {status === null || status.loading ? (
        <p className="muted" role="status">
          正在打开商品目录…
        </p>
      ) : (
        <CatalogSummary status={status} />
      )}
      <div className="catalog-actions">
        <div className="catalog-full">
          <label htmlFor={sinceId}>起始日期</label>
          <input
            id={sinceId}
            type="date"
            value={since}
            max={isoDate(new Date())}
            onChange={(event) => props.onSinceChange(event.target.value)}
            disabled={running}
          />
          <Button kind="primary" onClick={props.onFull} disabled={!canStart}>
            完整同步
          </Button>
        </div>
        <Button onClick={props.onIncremental} disabled={!canStart || status.syncedUpTo === undefined}>
          增量同步
        </Button>
        {running && (
          <Button kind="danger" onClick={props.onCancel} disabled={asking === 'cancel'}>
            取消同步
          </Button>
        )}
        {/* 从文件导入 (CatalogImportButton.tsx), beside the syncs: for accounts that may not query goods. */}
        {props.importButton}
      </div>
      <p className="field-hint">
        完整同步按 30
        天一段从起始日期读到今天，货品多时需要较长时间，期间可以照常使用；增量同步只读上次同步以后的变化。
        {status?.syncedUpTo === undefined && ' 还没有同步过时请先做一次完整同步。'}
      </p>
      {status?.sync && <SyncProgressView progress={status.sync} />}
      {status && status.problems.length > 0 && (
        <div className="result result-warning catalog-problems" role="alert">
          <p className="result-title">以下内容 ERP 不允许这个账号读取，其余内容已同步：</p>
          <ul>
            {status.problems.map((problem) => (
              <li key={problem.source}>
                <strong>{catalogSourceLabels[problem.source]}</strong>（{problem.method}）：{problem.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function CatalogSummary({ status }: { readonly status: CatalogStatus }) {
  const { counts } = status;
  const rows: [string, number][] = [
    ['商品规格', counts.specs],
    ['组合装', counts.suites],
    ['条码', counts.barcodes],
    ['仓库', counts.warehouses],
    ['供应商', counts.providers],
    ['采购员', counts.purchasers],
  ];
  return (
    <>
      <dl className="catalog-counts" aria-label="目录内容">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString('zh-CN')}</dd>
          </div>
        ))}
      </dl>
      <p className="catalog-dates">
        <span>
          来源：<strong>{originLabels[status.origin]}</strong>
        </span>
        <span>上次同步：{status.syncedUpTo ? formatLocalTime(status.syncedUpTo) : '从未'}</span>
        {status.lastFullAt && (
          <span>
            上次{status.origin === 'file' ? '导入' : '完整同步'}：{formatLocalTime(status.lastFullAt)}
          </span>
        )}
      </p>
    </>
  );
}

function SyncProgressView({ progress }: { readonly progress: CatalogSyncProgress }) {
  const running = progress.state === 'running';
  const tone = { running: '', done: 'result-success', cancelled: 'result-warning', failed: 'result-error' }[
    progress.state
  ];
  return (
    <div className={`result catalog-progress ${tone}`} role="status" aria-live="polite">
      <p className="result-title">
        {modeLabels[progress.mode]}：{stateLabels[progress.state]}
        {progress.resumed && '（继续上次中断的同步）'}
      </p>
      <p>
        {running ? '正在读取' : '最后读取'}：{catalogSourceLabels[progress.source]}
        {running && progress.windowsTotal > 0 && (
          <>
            ，时间段 {progress.windowsDone} / {progress.windowsTotal}
          </>
        )}
        <span className="muted">（开始于 {formatLocalTime(progress.startedAt)}）</span>
      </p>
      {running && progress.windowsTotal > 0 && (
        <progress max={progress.windowsTotal} value={progress.windowsDone} aria-label="当前内容的进度" />
      )}
      <ul className="catalog-read">
        {catalogSources
          .filter((source) => progress.read[source] !== undefined)
          .map((source) => (
            <li key={source}>
              {catalogSourceLabels[source]}：已读 {(progress.read[source] ?? 0).toLocaleString('zh-CN')} 条
            </li>
          ))}
      </ul>
      {progress.message && <p>{progress.message}</p>}
    </div>
  );
}
