import { errorMessage, ParseJob, ParseMessage, runParseJob } from "./parseJobs";

/**
 * The Web Worker that reads an imported file (register, Form 1, partner's answers) off the
 * page's thread: a file of 100,000 rows or a zip bomb never freezes the tab, and cancelling
 * terminates it. One job per worker.
 */
interface WorkerScope {
  onmessage: ((e: { data: ParseJob }) => void) | null;
  postMessage(m: ParseMessage): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  runParseJob(e.data, (p) => scope.postMessage({ type: "progress", ...p })).then(
    (result) => scope.postMessage({ type: "done", result }),
    (err: unknown) => scope.postMessage(errorMessage(err)),
  );
};
