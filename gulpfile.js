'use strict';

// Kept close to the generator's default on purpose: every other task is an npm script or a
// plain Node script, so moving to the Heft toolchain later is one step (REFERENCE.md).
const fs = require('fs');
const path = require('path');
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

// The file-reading Web Worker (src/export/parseWorker.ts with exceljs) is bundled by esbuild into
// one script and handed to webpack as a string module, "pd-parse-worker-source", which lands in
// the lazy "parse-worker" chunk; the page starts it from a blob: URL (src/export/createParseWorker.ts).
// SPFx's manifest plugin accepts no webpack worker entry of its own (it needs every chunk with a
// runtime to be a component's bundle), hence this route.
build.configureWebpack.mergeConfig({
  additionalConfiguration: (config) => {
    const { buildSync } = require('esbuild');
    const out = path.join(__dirname, 'temp', 'parse-worker', 'source.js');
    const result = buildSync({
      entryPoints: [path.join(__dirname, 'src/export/parseWorker.ts')],
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2017',
      minify: true,
      write: false,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'warning',
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `module.exports = ${JSON.stringify(result.outputFiles[0].text)};\n`);
    config.resolve = config.resolve || {};
    // One tslib: PnPjs brings its own copy (2.8) three times over (@pnp/core, queryable, sp), beside
    // the root one (2.3) Fluent and our code use; webpack keeps each path as a module of its own.
    // Every import of tslib goes to PnPjs's copy, the newest of the same major version (a superset).
    const tslib = path.dirname(require.resolve('tslib/package.json', { paths: [path.dirname(require.resolve('@pnp/core'))] }));
    config.resolve.alias = Object.assign({}, config.resolve.alias, { 'pd-parse-worker-source': out, tslib });
    // PD_WEBPACK_STATS=<file>: write which modules went into which chunk (the bundle-size test and
    // the bench read it to tell initial bundles from lazy chunks).
    if (process.env.PD_WEBPACK_STATS) {
      config.plugins = config.plugins || [];
      config.plugins.push({
        apply: (compiler) => compiler.hooks.done.tap('pd-stats', (stats) => {
          const json = stats.toJson({ all: false, chunks: true, chunkModules: true, chunkOrigins: false, nestedModules: true, dependentModules: true, chunkGroups: true, chunkModulesSpace: 1e6, nestedModulesSpace: 1e6, assets: true, entrypoints: true, ids: true });
          fs.writeFileSync(process.env.PD_WEBPACK_STATS, JSON.stringify(json));
        }),
      });
    }
    return config;
  },
});

build.initialize(require('gulp'));
