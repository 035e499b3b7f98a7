/**
 * 设置 → 商品目录 rendered to markup (no DOM here): what the counts, the progress of a sync, the refused
 * sources and the buttons show for the statuses main sends; and the store drops cached names on each event.
 */
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CatalogStatus } from '../../../../src/shared/catalog';
import type { WdtBridge } from '../../../../src/shared/ipc';
import {
  CatalogPanelView,
  defaultSince,
  type CatalogPanelViewProps,
} from '../../../../src/renderer/features/catalog/CatalogPanel';
import {
  getCatalogPanelState,
  resetCatalogPanel,
  watchCatalog,
} from '../../../../src/renderer/features/catalog/catalogStore';

/**
 * The lookup cache reads `window.wdt` when it is imported: a stand-in is there first, answering from whatever
 * `fake.bridge` holds when a test calls.
 */
const fake = vi.hoisted(() => {
  const holder: { bridge: Record<string, unknown> } = { bridge: {} };
  const wdt = new Proxy({}, { get: (_target, key) => holder.bridge[String(key)] });
  (globalThis as unknown as { window: unknown }).window = { wdt };
  return holder;
});

const synced: CatalogStatus = {
  profileId: 'practice',
  counts: {
    specs: 12345,
    suites: 8,
    barcodes: 20000,
    warehouses: 14,
    providers: 10,
    employees: 11,
    purchasers: 5,
  },
  origin: 'erp',
  syncedUpTo: '2026-03-01T02:00:00.000Z',
  lastFullAt: '2026-03-01T02:05:00.000Z',
  problems: [],
  loading: false,
};

const render = (props: Partial<CatalogPanelViewProps>): string =>
  renderToString(
    <CatalogPanelView
      status={synced}
      asking={null}
      error={null}
      since="2020-03-01"
      onSinceChange={() => undefined}
      onFull={() => undefined}
      onIncremental={() => undefined}
      onCancel={() => undefined}
      {...props}
    />,
  ).replace(/<!-- -->/g, ''); // React's markers between adjacent texts: not what a user reads.

/** The text of a button by its label, with its attributes. */
const button = (html: string, label: string): string | undefined =>
  [...html.matchAll(/<button([^>]*)>([^<]*)<\/button>/g)].find((match) => match[2] === label)?.[1];

describe('the 商品目录 panel', () => {
  it('shows the counts, where the catalog came from, and both syncs ready', () => {
    const html = render({});
    expect(html).toContain('<dt>商品规格</dt><dd>12,345</dd>');
    expect(html).toContain('<dt>采购员</dt><dd>5</dd>');
    expect(html).toContain('从 ERP 同步');
    expect(button(html, '完整同步')).not.toContain('disabled');
    expect(button(html, '增量同步')).not.toContain('disabled');
    expect(button(html, '取消同步')).toBeUndefined();
    expect(html).toMatch(
      /<label for="[^"]+">起始日期<\/label><input id="[^"]+" type="date"[^>]*value="2020-03-01"/,
    );
  });

  it('says it is opening while main loads the file, and offers no sync until it is open', () => {
    const html = render({ status: { ...synced, loading: true } });
    expect(html).toContain('正在打开商品目录');
    expect(html).not.toContain('<dt>商品规格</dt>');
    expect(button(html, '完整同步')).toContain('disabled');
  });

  it('offers only a full sync for a catalog never synced', () => {
    const { syncedUpTo: _none, ...never } = synced;
    const html = render({ status: { ...never, origin: 'empty' } });
    expect(button(html, '增量同步')).toContain('disabled');
    expect(html).toContain('请先做一次完整同步');
  });

  it('shows a running sync’s source, windows and records, with 取消同步 instead of new syncs', () => {
    const html = render({
      status: {
        ...synced,
        sync: {
          mode: 'full',
          state: 'running',
          source: 'goods',
          windowsDone: 12,
          windowsTotal: 73,
          read: { warehouses: 14, providers: 11, employees: 11, goods: 2400 },
          startedAt: '2026-03-01T02:00:00.000Z',
          resumed: true,
        },
      },
    });
    expect(html).toContain('完整同步：正在同步');
    expect(html).toContain('继续上次中断的同步');
    expect(html).toMatch(/正在读取：货品与条码，时间段 12 \/ 73/);
    expect(html).toMatch(/货品与条码：已读 2,400 条/);
    expect(button(html, '取消同步')).toBeDefined();
    expect(button(html, '完整同步')).toContain('disabled');
  });

  it('lists the sources the ERP refused with the remedy, and a failure’s reason', () => {
    const html = render({
      status: {
        ...synced,
        problems: [
          {
            source: 'suites',
            method: 'goods.Suite.search',
            message: '权限不足：请在 ERP 中为接口账号开通组合装查询。',
          },
        ],
        sync: {
          mode: 'incremental',
          state: 'failed',
          source: 'goods',
          windowsDone: 0,
          windowsTotal: 1,
          read: {},
          startedAt: '2026-03-01T02:00:00.000Z',
          resumed: false,
          message: '读取货品与条码时失败：连接不上 ERP。',
        },
      },
    });
    expect(html).toContain(
      '<strong>组合装</strong>（goods.Suite.search）：权限不足：请在 ERP 中为接口账号开通组合装查询。',
    );
    expect(html).toContain('增量同步：同步失败');
    expect(html).toContain('读取货品与条码时失败：连接不上 ERP。');
  });

  it('starts a full sync DEFAULT_FULL_SYNC_YEARS back by default', () => {
    expect(defaultSince(new Date(2026, 11, 1))).toBe('2020-12-01');
  });
});

describe('the catalog panel store', () => {
  afterEach(() => {
    fake.bridge = {};
    resetCatalogPanel();
  });

  it('takes main’s status and every catalogChanged event', async () => {
    let emit: (status: CatalogStatus) => void = () => undefined;
    const bridge: Partial<WdtBridge> = {
      catalogStatus: async () => ({ ok: true, value: synced }),
      events: {
        catalogChanged: (listener: (status: CatalogStatus) => void) => {
          emit = listener;
          return () => undefined;
        },
      } as unknown as WdtBridge['events'],
    };
    fake.bridge = bridge as Record<string, unknown>;
    const stop = watchCatalog();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(getCatalogPanelState().status).toEqual(synced);

    emit({ ...synced, counts: { ...synced.counts, specs: 1 } });
    expect(getCatalogPanelState().status?.counts.specs).toBe(1);
    stop();
  });
});
