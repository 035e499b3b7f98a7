/**
 * The document's header fields (and positional flags such as is_check) as a dense form, from the spec, with
 * the 保留表头 switch (headerMemory.ts), 最近使用 suggestions and date pickers.
 */
import { memo, useEffect, useRef, useState, type FocusEvent, type SyntheticEvent } from 'react';
import type { DocumentSpec, FieldSpec, Problem, RawValue } from '../../../shared/spec';
import { isBlank } from '../../../shared/validate';
import { CatalogHeaderInput } from './CatalogHeaderInput';
import { DateHeaderInput } from './DateHeaderInput';
import { generateExternalNo } from './externalNo';
import { editText, formatHint, headerControlId } from './fieldText';
import { followerValues, offersRecentValues, setKeepHeader, useKeepHeader } from './headerMemory';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Select } from '../../ui/Select';
import {
  documentStore,
  setHeaderValue,
  useDocHeader,
  useFocusRequest,
  useSubmitView,
} from '../../stores/documentStore';
import './header.css';

export interface HeaderFormProps {
  readonly spec: DocumentSpec;
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

  // An empty field the user has not visited yet is not shouted at under the box (a fresh document would
  // be all red); the problem list and the submit button still count it, and clicking it leads here. A try
  // to submit (which asks for the first problem's field) or main's refusal reveals them all.
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const submitPhase = useSubmitView(spec.method).phase;
  const keepHeader = useKeepHeader();
  const revealAll = focusRequest !== null || submitPhase === 'invalid';
  const messageOf = (key: string): string | undefined => {
    const message = problems.find(
      (problem) => problem.path.area === 'header' && problem.path.field === key,
    )?.message;
    const revealed = !isBlank(header[key]) || visited.has(key) || revealAll;
    return revealed ? message : undefined;
  };

  // A new document (after a success, or 清空) starts with nothing visited: what was visited on the last one
  // says nothing about this one.
  useEffect(
    () =>
      documentStore.subscribe((state, previous) => {
        const now = state.docs[spec.method];
        if (now?.pristine !== true || previous.docs[spec.method]?.pristine === true) return;
        touched.current.clear();
        setVisited(new Set());
      }),
    [spec.method],
  );
  // A visit is the user's: the cursor the screen puts in the first field on opening, taken away by a click
  // elsewhere, visits nothing. A key pressed or a click in the field (Tab out of it included) makes it one.
  const touched = useRef(new Set<string>());
  const onTouch = (event: SyntheticEvent<HTMLFormElement>) => {
    const key = event.target instanceof Element ? event.target.getAttribute('data-field') : null;
    if (key !== null) touched.current.add(key);
  };
  const onBlur = (event: FocusEvent<HTMLFormElement>) => {
    const key = event.target.getAttribute('data-field');
    if (key === null) return;
    for (const [follower, value] of Object.entries(followerValues(spec, header, key)))
      setHeaderValue(spec.method, follower, value);
    if (!touched.current.has(key)) return;
    touched.current.delete(key);
    if (!visited.has(key)) setVisited((current) => new Set(current).add(key));
  };

  return (
    <div className="header-area">
      <form
        className="header-form"
        aria-label={spec.headerLabel}
        onSubmit={(event) => event.preventDefault()}
        onBlur={onBlur}
        onKeyDownCapture={onTouch}
        onPointerDownCapture={onTouch}
      >
        {[...spec.header, ...spec.positional].map((field) => (
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
      </form>
      <label
        className="keep-header"
        title="提交成功后保留仓库、供应商、类型等会重复的表头内容；单号、备注和日期总会清空"
      >
        <input
          type="checkbox"
          checked={keepHeader}
          onChange={(event) => setKeepHeader(event.target.checked)}
        />
        保留表头
      </label>
    </div>
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
  const common = {
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
