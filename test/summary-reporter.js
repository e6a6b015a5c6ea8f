// Ends the test output with the plain "N passed, N failed" line that CI reads. Written at
// exit, on stderr like jest's own summary, so it is the last line whatever jest prints.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const line = `${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed${skipped ? `, ${skipped} skipped` : ""}`;
    process.once("exit", () => process.stderr.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
