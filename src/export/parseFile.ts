import { createParseWorker } from "./createParseWorker";
import type { ReadProgress } from "./excel";
import { WorkbookError } from "./excel";
import type { ParseJob, ParseMessage, ParseResults } from "./parseJobs";

/** The user cancelled reading a file; nothing was imported. */
export class ParseCancelled extends Error {
  constructor() {
    super("Reading the file was cancelled");
    this.name = "ParseCancelled";
  }
}
export const isParseCancelled = (e: unknown): e is ParseCancelled => e instanceof Error && e.name === "ParseCancelled";

export interface ParseOptions {
  onProgress?: (p: ReadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Reads an imported file in a Web Worker, so the page stays responsive (progress shown,
 * cancel possible: the worker is terminated). Where no worker can be started or its script
 * cannot be loaded, the same job runs on the page with the same limits. Resolves with the
 * job's plain result; rejects with WorkbookError (a refused file), ParseCancelled, or an error.
 */
export async function parseFile<K extends ParseJob["kind"]>(job: Extract<ParseJob, { kind: K }>, opts: ParseOptions = {}): Promise<ParseResults[K]> {
  if (opts.signal?.aborted) throw new ParseCancelled();
  let started: { worker: Worker; release: () => void } | null = null;
  try {
    started = await createParseWorker();
  } catch {
    started = null;
  }
  if (!started) return onThePage(job, opts);
  const { worker: w, release } = started;
  return new Promise<ParseResults[K]>((resolve, reject) => {
    let heard = false;
    const finish = (): void => {
      w.terminate();
      release();
      opts.signal?.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      finish();
      reject(new ParseCancelled());
    };
    opts.signal?.addEventListener("abort", onAbort);
    w.onmessage = (e: MessageEvent<ParseMessage>) => {
      heard = true;
      const m = e.data;
      if (m.type === "progress") opts.onProgress?.({ stage: m.stage, rows: m.rows });
      else if (m.type === "done") {
        finish();
        resolve(m.result as ParseResults[K]);
      } else {
        finish();
        reject(m.name === "WorkbookError" && m.code ? new WorkbookError(m.code as WorkbookError["code"], m.detail ?? "") : Object.assign(new Error(m.message), { name: m.name }));
      }
    };
    w.onerror = (e) => {
      e.preventDefault?.();
      finish();
      // The worker's script could not be loaded or run at all: read on the page instead.
      if (!heard) onThePage(job, opts).then(resolve, reject);
      else reject(new Error(e.message || "The file reader stopped"));
    };
    // The page keeps its copy: it is needed if the worker cannot start.
    const data = job.data.slice(0);
    w.postMessage({ ...job, data }, [data]);
  });
}

/** The same job on the page (lazy "excel" chunk), cancellable between its stages. */
async function onThePage<K extends ParseJob["kind"]>(job: Extract<ParseJob, { kind: K }>, opts: ParseOptions): Promise<ParseResults[K]> {
  const { runParseJob } = await import(/* webpackChunkName: "excel" */ "./parseJobs");
  const result = await runParseJob(job, (p) => {
    if (opts.signal?.aborted) throw new ParseCancelled();
    opts.onProgress?.(p);
  });
  if (opts.signal?.aborted) throw new ParseCancelled();
  return result as ParseResults[K];
}
