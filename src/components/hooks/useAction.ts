import * as React from "react";
import { Problem, splitError } from "../problems";

export interface ActionState {
  busy: boolean;
  problems: Problem[];
  error: unknown;
  /** Runs the action once at a time (a double click does nothing more); resolves true on success. */
  run: (action: () => Promise<void>) => Promise<boolean>;
  clear: () => void;
}

export function useAction(): ActionState {
  const [busy, setBusy] = React.useState(false);
  const [problems, setProblems] = React.useState<Problem[]>([]);
  const [error, setError] = React.useState<unknown>(undefined);
  const running = React.useRef(false);
  const run = React.useCallback(async (action: () => Promise<void>) => {
    if (running.current) return false;
    running.current = true;
    setBusy(true);
    setProblems([]);
    setError(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      const s = splitError(e);
      setProblems(s.problems);
      setError(s.error);
      return false;
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);
  const clear = React.useCallback(() => {
    setProblems([]);
    setError(undefined);
  }, []);
  return { busy, problems, error, run, clear };
}
