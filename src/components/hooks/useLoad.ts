import * as React from "react";

export interface LoadState<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

function sameDeps(a: React.DependencyList | undefined, b: React.DependencyList): boolean {
  return !!a && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Runs `load` when `deps` change. On `reload()` the last data stays while the new read runs, so the
 * screen does not flash. When `deps` change (another fiscal year, another team), the data read for the
 * old ones is no longer given out: a screen must never show — or act on — last year's rows under this
 * year's label while this year's are still on their way (a row added then went to the wrong year).
 */
export function useLoad<T>(load: () => Promise<T>, deps: React.DependencyList): LoadState<T> {
  const [state, setState] = React.useState<{ data: T | undefined; deps: React.DependencyList | undefined }>({ data: undefined, deps: undefined });
  const [error, setError] = React.useState<unknown>(undefined);
  const [loading, setLoading] = React.useState(true);
  const [tick, setTick] = React.useState(0);
  React.useEffect(() => {
    let live = true;
    const forDeps = [...deps];
    setLoading(true);
    setError(undefined);
    load().then(
      (d) => {
        if (!live) return;
        setState({ data: d, deps: forDeps });
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, tick]);
  const reload = React.useCallback(() => setTick((n) => n + 1), []);
  const current = sameDeps(state.deps, deps);
  return { data: current ? state.data : undefined, error, loading: loading || !current, reload };
}
