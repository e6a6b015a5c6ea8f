'use strict';

// Kept to the generator's default on purpose: every other task is an npm script or a
// plain Node script, so moving to the Heft toolchain later is one step (REFERENCE.md).
const build = require('@microsoft/sp-build-web');

build.addSuppression(`Warning - [sass] The local CSS class 'ms-Grid' is not camelCase and will not be type-safe.`);

build.initialize(require('gulp'));
