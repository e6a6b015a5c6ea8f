'use strict';
// The floor is built exactly as the product is (the same @microsoft/sp-build-web from the
// project's node_modules), only with nothing of the product's own.
const build = require('@microsoft/sp-build-web');
build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);
if (process.env.PD_WEBPACK_STATS) {
  const fs = require('fs');
  build.configureWebpack.mergeConfig({
    additionalConfiguration: (config) => {
      config.plugins = config.plugins || [];
      config.plugins.push({
        apply: (compiler) => compiler.hooks.done.tap('pd-stats', (stats) => {
          fs.writeFileSync(process.env.PD_WEBPACK_STATS, JSON.stringify(stats.toJson({ all: false, chunks: true, chunkModules: true, nestedModules: true, dependentModules: true, chunkModulesSpace: 1e6, nestedModulesSpace: 1e6, assets: true, entrypoints: true, chunkGroups: true, ids: true })));
        }),
      });
      return config;
    },
  });
}
build.initialize(require('gulp'));
