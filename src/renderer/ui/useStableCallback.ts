/**
 * A function whose identity never changes but which always calls the latest `fn`: for handlers handed to
 * memoized rows, so a parent's re-render (a new closure each time) does not re-render every row.
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  // Updated after each render and before any event can fire: handlers only run from events.
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
