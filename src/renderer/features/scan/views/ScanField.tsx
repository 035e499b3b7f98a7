/**
 * The one field a scanner types into. Every key, composition and paste event goes to the controller with
 * its own timestamp and the field's value; the field is uncontrolled (no React state per character), so a
 * 2 ms-per-character burst never waits for a render. It keeps the focus: a click elsewhere on the scan view
 * brings it back at once (in the click itself, not on a later task, which Chromium may run only after the
 * next keys), and so do closing a dialog and F2. Keys that still land elsewhere are routed here by
 * scanKeyRouter, and a banner says plainly whenever scans would be lost.
 */
import { memo, useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { ScanEventType, ScanKeyEvent } from '../input/keyClassifier';
import { pasteSns } from '../input/scanBulk';
import { ANSWER_KEYS, type ScanController } from '../controller/scanController';
import { keepCharactersInField } from '../input/keepCharactersInField';
import { modalAbove, routeScanKeys } from '../input/scanKeyRouter';
import { hintWhileEmpty } from './hintWhileEmpty';
import { wakeAudio } from './scanTones';

export interface ScanFieldProps {
  readonly controller: ScanController;
  /** The scan view around the field: a click on it (not on another control) returns the focus here. */
  readonly areaRef: RefObject<HTMLElement | null>;
  readonly fieldRef: RefObject<HTMLInputElement | null>;
  readonly placeholder?: string;
}

const forwarded: readonly ScanEventType[] = [
  'keydown',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'blur',
];

/** A control that needs the focus it was given by a click (typing into it, or choosing from it). */
function keepsFocus(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest('input, textarea, select, [contenteditable="true"]') !== null
  );
}

function keyEventCopy(event: Event): ScanKeyEvent {
  const key = event instanceof KeyboardEvent ? event : null;
  return {
    type: event.type as ScanEventType,
    timeStamp: event.timeStamp,
    ...(key !== null
      ? {
          key: key.key,
          code: key.code,
          keyCode: key.keyCode,
          isComposing: key.isComposing,
          shiftKey: key.shiftKey,
          ctrlKey: key.ctrlKey,
          altKey: key.altKey,
          metaKey: key.metaKey,
        }
      : {}),
  };
}

export function focusWhenFree(field: HTMLInputElement | null): void {
  // After the current event (and any dialog's own focus restore) has run.
  setTimeout(() => {
    if (field !== null && field.isConnected && !modalAbove(field)) field.focus();
  }, 0);
}

// Memoized: its props never change while scanning, and the view around it re-renders on every scan.
export const ScanField = memo(function ScanField({
  controller,
  areaRef,
  fieldRef,
  placeholder,
}: ScanFieldProps) {
  const [focused, setFocused] = useState(false);
  const [windowFocused, setWindowFocused] = useState(() => document.hasFocus());
  const ownRef = useRef<HTMLInputElement | null>(null);
  const id = useId();

  useEffect(() => {
    const field = ownRef.current;
    if (field === null) return;
    const hint = hintWhileEmpty(field, placeholder ?? '请扫描条码（商家编码或 SN），或手工输入后按 Enter');
    const setValue = (value: string) => {
      field.value = value;
      hint.sync();
    };
    const onEvent = (event: Event) => {
      const key = event instanceof KeyboardEvent ? event : null;
      if (key !== null) {
        wakeAudio();
        if (key.ctrlKey && !key.altKey && key.key.toLowerCase() === 'z') {
          event.preventDefault();
          void controller.undo();
          return;
        }
      }
      if (event.type === 'paste' && event instanceof ClipboardEvent) {
        const text = event.clipboardData?.getData('text/plain') ?? '';
        if (/[\r\n]/.test(text.trim())) {
          // Many lines pasted: a list of SNs, not one code.
          event.preventDefault();
          void pasteSns(controller, text);
          return;
        }
      }
      const before = field.value;
      const step = controller.handleKey(keyEventCopy(event), before);
      if (step.preventDefault) event.preventDefault();
      if (step.clearInput) setValue('');
      if (key !== null && before === '') answerIfAlone(key.key);
    };
    // A lone 1 or 2 (no other key within a burst gap) answers a waiting question; a code that merely
    // starts with the digit goes on as a scan.
    const answerIfAlone = (pressed: string) => {
      const answer = ANSWER_KEYS[pressed];
      if (answer === undefined || controller.getView().question === null) return;
      setTimeout(() => {
        if (field.value !== pressed) return;
        setValue('');
        controller.session.reset();
        controller.answer(answer);
      }, controller.settings.maxInterKeyMs * 2);
    };
    for (const type of forwarded) field.addEventListener(type, onEvent);
    const letCharactersOut = keepCharactersInField(field);
    const stopRouting = routeScanKeys({
      field,
      isSuffix: (event) => controller.session.isSuffix(keyEventCopy(event)),
      takeKey: (event) => {
        wakeAudio();
        // The router already stopped the key; do here what the browser would have done in the field.
        const before = field.value;
        const step = controller.handleKey(keyEventCopy(event), before);
        if (step.clearInput) setValue('');
        else if (!step.preventDefault && event.key.length === 1) setValue(field.value + event.key);
        if (before === '') answerIfAlone(event.key);
      },
      missed: (timeStamp) => controller.handleKey({ type: 'missed', timeStamp }, field.value),
    });
    field.focus();
    return () => {
      for (const type of forwarded) field.removeEventListener(type, onEvent);
      letCharactersOut();
      stopRouting();
      hint.stop();
    };
  }, [controller, placeholder]);

  useEffect(() => {
    const area = areaRef.current;
    const onWindowFocus = () => setWindowFocused(true);
    const onWindowBlur = () => setWindowFocused(false);
    const onKeyDown = (event: KeyboardEvent) => {
      const field = ownRef.current;
      if (event.key !== 'F2' || field === null || field.offsetParent === null || modalAbove(field)) return;
      event.preventDefault();
      ownRef.current?.focus();
    };
    const onClick = (event: MouseEvent) => {
      const field = ownRef.current;
      if (field !== null && !keepsFocus(event.target) && !modalAbove(field)) field.focus();
    };
    window.addEventListener('focus', onWindowFocus);
    window.addEventListener('blur', onWindowBlur);
    window.addEventListener('keydown', onKeyDown);
    area?.addEventListener('click', onClick);
    return () => {
      window.removeEventListener('focus', onWindowFocus);
      window.removeEventListener('blur', onWindowBlur);
      window.removeEventListener('keydown', onKeyDown);
      area?.removeEventListener('click', onClick);
    };
  }, [areaRef]);

  const ready = focused && windowFocused;
  return (
    <div className={`scan-field-box${ready ? ' scan-ready' : ' scan-not-ready'}`}>
      <label className="scan-field-label" htmlFor={id}>
        扫码输入
      </label>
      {/* A box of its own (see .scan-field-slot in scan.css). */}
      <div className="scan-field-slot">
        <input
          id={id}
          ref={(element) => {
            ownRef.current = element;
            fieldRef.current = element;
          }}
          className="scan-field"
          aria-label="扫码输入"
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          onFocus={() => setFocused(true)}
          onBlur={() => setFocused(false)}
        />
      </div>
      {ready ? (
        <span className="scan-ready-text">● 可以扫码</span>
      ) : (
        <button
          type="button"
          className="scan-not-ready-banner"
          role="alert"
          onClick={() => ownRef.current?.focus()}
        >
          扫码未就绪：{windowFocused ? '输入框没有焦点' : '窗口不在前台'}，点击此处或按 F2 继续扫码
        </button>
      )}
    </div>
  );
});
