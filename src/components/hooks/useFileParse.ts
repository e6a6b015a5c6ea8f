import * as React from "react";
import type { ReadProgress } from "../../export/excel";
import type { ParseJob, ParseResults } from "../../export/parseJobs";

/**
 * Reading an imported file off the page's thread (parseFile.ts, a Web Worker): what the
 * progress bar shows, and a cancel that stops the worker. The parsing module is loaded on
 * first use, so no web part carries it on first load.
 */
export interface FileParse {
  /** Null when no file is being read. */
  progress: ReadProgress | null;
  parse: <K extends ParseJob["kind"]>(job: Extract<ParseJob, { kind: K }>) => Promise<ParseResults[K]>;
  cancel: () => void;
}

export function useFileParse(): FileParse {
  const [progress, setProgress] = React.useState<ReadProgress | null>(null);
  const abort = React.useRef<AbortController | null>(null);
  React.useEffect(() => () => abort.current?.abort(), []);
  const parse = React.useCallback(async <K extends ParseJob["kind"]>(job: Extract<ParseJob, { kind: K }>): Promise<ParseResults[K]> => {
    abort.current?.abort();
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ stage: "checking" });
    try {
      const { parseFile } = await import(/* webpackChunkName: "parse-file" */ "../../export/parseFile");
      return await parseFile(job, { signal: controller.signal, onProgress: (p) => setProgress(p) });
    } finally {
      if (abort.current === controller) abort.current = null;
      setProgress(null);
    }
  }, []);
  const cancel = React.useCallback(() => abort.current?.abort(), []);
  return { progress, parse, cancel };
}
