/**
 * The document's header fields (and positional flags such as is_check) as a dense form, from the spec, with
 * 最近使用 suggestions, date pickers and the rarely used fields behind 更多 (headerFold.ts); and the 保留表头
 * switch (headerMemory.ts) the screen puts in its title bar.
 */
import { memo, useEffect, useRef, useState, type FocusEvent, type SyntheticEvent } from 'react';
import type { DocumentSpec, FieldSpec, Problem, RawValue } from '../../../shared/spec';
import { CatalogHeaderInput } from './CatalogHeaderInput';
import { DateHeaderInput } from './DateHeaderInput';
import { generateExternalNo } from './externalNo';
import type { HeaderControlAttributes } from './headerControl';
import { editText, formatHint, headerControlId } from './fieldText';
import { foldableFields, useHeaderMoreOpen, visibleHeaderFields } from './headerFold';
import { followerValues, offersRecentValues, setKeepHeader, useKeepHeader } from './headerMemory';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Select } from '../../ui/Select';
import { markVisited, setHeaderValue, useDocHeader, useFocusRequest } from './documentStore';
import './header.css';

interface HeaderFormProps {
  readonly spec: DocumentSpec;
  /** The problems shown yet (problemVisibility.ts); each appears under its field. */
  readonly problems: readonly Problem[];
}

export function HeaderForm({ spec, problems }: HeaderFormProps) {
  const header = useDocHeader(spec.method);
  const focusRequest = useFocusRequest(spec.method);

  useEffect(() => {
    if (focusRequest?.path.area !== 'header') return;
    const element = document.getElementById(headerControlId(spec.method, focusRequest.path.field));
    element?.focus();
    element?.scrollIntoView({ block: 'nearest' });
  }, [focusRequest, spec.method]);

  // Already only the problems the screen shows yet (problemVisibility.ts): visited fields, filled ones, all
  // after a try to submit.
  const messageOf = (key: string): string | undefined =>
    problems.find((problem) => problem.path.area === 'header' && problem.path.field === key)?.message;

  // A visit is the user's: the cursor the screen puts in the first field on opening, taken away by a click
  // elsewhere, visits nothing. A key pressed or a click in the field (Tab out of it included) makes it one.
  const touched = useRef(new Set<string>());
  const onTouch = (event: SyntheticEvent<HTMLFormElement>) => {
    const key = event.target instanceof Element ? event.target.getAttribute('data-field') : null;
    if (key !== null) touched.current.add(key);
  };
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const key = event.target.getAttribute('data-field');
    setFocusedKey(null);
    if (key === null) return;
    for (const [follower, value] of Object.entries(followerValues(spec, header, key)))
      setHeaderValue(spec.method, follower, value);
    if (!touched.current.has(key)) return;
    touched.current.delete(key);
    markVisited(spec.method, key);
  };

  const [moreOpen, setMoreOpen] = useHeaderMoreOpen(spec.method);
  const foldable = foldableFields(spec);
  // A folded field being typed in stays while the user empties it; it folds once left empty.
  const [focusedKey, setFocusedKey] = useState<string | null>(null);
  const keepInSight = new Set(
    problems.flatMap((problem) => (problem.path.area === 'header' ? [problem.path.field] : [])),
  );
  if (focusedKey !== null) keepInSight.add(focusedKey);
  const shown = visibleHeaderFields(spec, moreOpen, header, keepInSight);
  const hiddenCount = foldable.filter((field) => !shown.includes(field)).length;
  // Opening 更多 from the keyboard leads on to the fields it revealed, not on to the grid.
  const revealedFirst = useRef<string | null>(null);
  useEffect(() => {
    const key = revealedFirst.current;
    revealedFirst.current = null;
    if (key !== null) document.getElementById(headerControlId(spec.method, key))?.focus();
  }, [moreOpen, spec.method]);
  const toggleMore = () => {
    if (!moreOpen) revealedFirst.current = foldable.find((field) => !shown.includes(field))?.key ?? null;
    setMoreOpen(!moreOpen);
  };

  return (
    <form
      className="header-form"
      aria-label={spec.headerLabel}
      onSubmit={(event) => event.preventDefault()}
      onBlur={onBlur}
      onFocus={(event) => setFocusedKey(event.target.getAttribute('data-field'))}
      onKeyDownCapture={onTouch}
      onPointerDownCapture={onTouch}
    >
      {shown.map((field) => (
        <HeaderField
          key={field.key}
          method={spec.method}
          field={field}
          value={header[field.key]}
          error={messageOf(field.key)}
          isExternalNo={field.key === spec.externalNoField}
          offersRecent={offersRecentValues(spec, field)}
        />
      ))}
      {foldable.length > 0 && (
        <div className="header-more">
          <button
            type="button"
            className="header-more-toggle"
            aria-expanded={moreOpen}
            title={
              moreOpen
                ? '收起不常用的选填字段（已填写或有问题的字段仍会显示）'
                : '显示不常用的选填字段：付款方式、联系人、费用、自定义属性等'
            }
            onClick={toggleMore}
          >
            {moreOpen ? '收起更多字段 ▴' : `更多字段（${hiddenCount}）▾`}
          </button>
        </div>
      )}
    </form>
  );
}

/** The 保留表头 switch: after a success, keep the header values that repeat for the next document. */
export function KeepHeaderSwitch() {
  const keepHeader = useKeepHeader();
  return (
    <label
      className="keep-header"
      title="提交成功后保留仓库、供应商、类型等会重复的表头内容；单号、备注和日期总会清空"
    >
      <input type="checkbox" checked={keepHeader} onChange={(event) => setKeepHeader(event.target.checked)} />
      保留表头
    </label>
  );
}

interface HeaderFieldProps {
  readonly method: string;
  readonly field: FieldSpec;
  readonly value: RawValue;
  readonly error: string | undefined;
  readonly isExternalNo: boolean;
  readonly offersRecent: boolean;
}

const HeaderField = memo(function HeaderField({
  method,
  field,
  value,
  error,
  isExternalNo,
  offersRecent,
}: HeaderFieldProps) {
  const id = headerControlId(method, field.key);
  const set = (next: RawValue) => setHeaderValue(method, field.key, next);
  const common: HeaderControlAttributes = {
    id,
    'aria-invalid': error !== undefined,
    'aria-required': field.required,
    'data-field': field.key,
  };
  let control;
  const type = field.type;
  if (type.kind === 'enum') {
    control = (
      <Select
        {...common}
        value={editText(value)}
        onChange={(next) => set(next === '' ? null : Number(next))}
        emptyLabel={field.required ? '请选择' : '（不填）'}
        options={type.options.map((option) => ({
          value: String(option.value),
          label: `${option.value} ${option.label}`,
        }))}
      />
    );
  } else if (type.kind === 'boolean' || type.kind === 'flag') {
    control = (
      <Select
        {...common}
        value={yesNoValue(value)}
        onChange={(next) => set(next === '' ? null : toYesNo(type.kind, next === 'yes'))}
        emptyLabel={field.required ? '请选择' : '（不填）'}
        options={[
          { value: 'yes', label: '是' },
          { value: 'no', label: '否' },
        ]}
      />
    );
  } else if (type.kind === 'snList') {
    control = (
      <textarea {...common} rows={2} value={editText(value)} onChange={(event) => set(event.target.value)} />
    );
  } else if (type.kind === 'string' && type.format !== undefined) {
    control = (
      <DateHeaderInput
        format={type.format}
        label={field.label}
        common={common}
        text={editText(value)}
        placeholder={formatHint(field)}
        onChange={set}
      />
    );
  } else if (type.kind === 'string' && (field.catalog !== undefined || offersRecent)) {
    control = (
      <CatalogHeaderInput
        method={method}
        kind={field.catalog}
        offersRecent={offersRecent}
        field={field}
        common={common}
        text={editText(value)}
        placeholder={formatHint(field)}
        onChange={set}
      />
    );
  } else {
    const numeric = type.kind === 'int' || type.kind === 'decimal';
    control = (
      <input
        {...common}
        type="text"
        inputMode={numeric ? 'decimal' : undefined}
        placeholder={formatHint(field)}
        value={editText(value)}
        onChange={(event) => set(event.target.value)}
        autoComplete="off"
        spellCheck={false}
      />
    );
  }
  const maxLength = type.kind === 'string' ? type.maxLength : undefined;
  return (
    <Field
      id={id}
      label={field.label}
      required={field.required}
      help={field.help}
      hint={formatHint(field)}
      error={error}
    >
      {isExternalNo ? (
        <div className="input-with-button">
          {control}
          <Button
            title="生成一个不会重复的单号：ERP 会拒绝重复的单号，误操作重发也不会生成第二张单"
            onClick={() => set(generateExternalNo(new Date(), Math.random, maxLength))}
          >
            生成单号
          </Button>
        </div>
      ) : (
        control
      )}
    </Field>
  );
});

function yesNoValue(value: RawValue): string {
  const text = editText(value).trim().toLowerCase();
  if (text === 'true' || text === '1' || text === '是') return 'yes';
  if (text === 'false' || text === '0' || text === '否') return 'no';
  return '';
}

function toYesNo(kind: 'boolean' | 'flag', yes: boolean): RawValue {
  return kind === 'boolean' ? yes : yes ? 1 : 0;
}
