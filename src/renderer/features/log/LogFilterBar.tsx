/**
 * The filters above the list. Dates and selects apply at once; the text boxes apply after a short pause in
 * typing (or on Enter), so a scanner pasting an SN does not start a query per character.
 */
import type { ChangeEvent, KeyboardEvent, RefObject } from 'react';
import { useEffect, useId, useMemo, useRef } from 'react';
import { documentSpecs } from '../../../shared/documents';
import type { JournalOutcome } from '../../../shared/journal';
import { journalOutcomeLabels } from '../../../shared/journal';
import type { LogFilters } from './logFilters';
import { applyLogFilters, resetLogFilters, setLogFilters, useLogFilters, useLogList } from './logStore';

const TEXT_DEBOUNCE_MS = 350;

// An SN push's success reads SN已推送 in the list (outcomeWords.ts); the filter names both, so a clerk
// looking for pushed SNs finds them under 结果.
const outcomeOptions = (Object.entries(journalOutcomeLabels) as [JournalOutcome, string][]).map(
  ([outcome, label]): [JournalOutcome, string] => [
    outcome,
    outcome === 'accepted' ? `${label} / SN已推送` : label,
  ],
);

type TextFilterKey = 'operator' | 'profileName' | 'text';

function isOutcome(value: string): value is JournalOutcome {
  return value in journalOutcomeLabels;
}

interface LogFilterBarProps {
  /** The free-text box, so the screen can focus it when '/' is pressed. */
  readonly textRef: RefObject<HTMLInputElement | null>;
}

export function LogFilterBar({ textRef }: LogFilterBarProps) {
  const filters = useLogFilters();
  const { rows } = useLogList();
  const ids = useId();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  // Offer the operators and profiles seen in the loaded rows; main matches them exactly.
  const operators = useMemo(() => distinct(rows.map((row) => row.operator)), [rows]);
  const profiles = useMemo(() => distinct(rows.map((row) => row.profileName)), [rows]);

  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );

  const applyNow = (patch: Partial<LogFilters>): void => {
    if (timer.current !== null) clearTimeout(timer.current);
    setLogFilters(patch);
    void applyLogFilters();
  };

  const applySoon = (key: TextFilterKey) => (event: ChangeEvent<HTMLInputElement>) => {
    setLogFilters({ [key]: event.target.value });
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void applyLogFilters();
    }, TEXT_DEBOUNCE_MS);
  };

  const applyOnEnter = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') applyNow({});
  };

  const textInput = (key: TextFilterKey, label: string, placeholder: string, list?: string) => (
    <label className={`log-filter log-filter-${key}`}>
      <span>{label}</span>
      <input
        ref={key === 'text' ? textRef : undefined}
        type={key === 'text' ? 'search' : 'text'}
        value={filters[key]}
        placeholder={placeholder}
        list={list}
        onChange={applySoon(key)}
        onKeyDown={applyOnEnter}
      />
    </label>
  );

  return (
    <form
      className="log-filters"
      role="search"
      aria-label="筛选提交记录"
      onSubmit={(event) => event.preventDefault()}
    >
      <label className="log-filter">
        <span>开始日期</span>
        <input
          type="date"
          value={filters.fromDate}
          max={filters.toDate || undefined}
          onChange={(event) => applyNow({ fromDate: event.target.value })}
        />
      </label>
      <label className="log-filter">
        <span>结束日期</span>
        <input
          type="date"
          value={filters.toDate}
          min={filters.fromDate || undefined}
          onChange={(event) => applyNow({ toDate: event.target.value })}
        />
      </label>
      <label className="log-filter">
        <span>单据类型</span>
        <select value={filters.method} onChange={(event) => applyNow({ method: event.target.value })}>
          <option value="">全部</option>
          {documentSpecs.map((spec) => (
            <option key={spec.method} value={spec.method}>
              {spec.title}
            </option>
          ))}
        </select>
      </label>
      <label className="log-filter">
        <span>结果</span>
        <select
          value={filters.outcome}
          onChange={(event) => {
            const value = event.target.value;
            applyNow({ outcome: isOutcome(value) ? value : '' });
          }}
        >
          <option value="">全部</option>
          {outcomeOptions.map(([outcome, label]) => (
            <option key={outcome} value={outcome}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {textInput('operator', '操作员', '全部', `${ids}-operators`)}
      {textInput('profileName', '账号配置', '全部', `${ids}-profiles`)}
      {textInput('text', '搜索', '单号 / 商家编码 / SN（按 / 聚焦）')}
      <datalist id={`${ids}-operators`}>
        {operators.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <datalist id={`${ids}-profiles`}>
        {profiles.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="log-filter-actions">
        <button type="button" onClick={() => applyNow({})}>
          查询
        </button>
        <button
          type="button"
          onClick={() => {
            if (timer.current !== null) clearTimeout(timer.current);
            resetLogFilters();
            void applyLogFilters();
          }}
        >
          重置筛选
        </button>
      </div>
    </form>
  );
}

function distinct(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
