require('@rushstack/eslint-config/patch/modern-module-resolution');

// Layering (DESIGN.md §4, STYLE.md §1): domain imports nothing of SharePoint, React or the
// data layer; only src/data may import PnPjs or the Graph client; components talk to the
// data layer through src/data/contracts only.
const pnpAndGraph = [
  { group: ['@pnp/*'], message: 'Only src/data may import PnPjs.' },
  { group: ['@microsoft/microsoft-graph-client', '@microsoft/sp-http*'], message: 'Only src/data may talk to Graph.' },
];

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname },
  rules: {
    '@typescript-eslint/no-explicit-any': 'error',
    '@typescript-eslint/explicit-function-return-type': 'off',
    '@rushstack/no-new-null': 'off',
    '@typescript-eslint/no-empty-interface': 'off',
  },
  overrides: [
    {
      files: ['src/domain/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [...pnpAndGraph, { group: ['react', 'react-dom', '@fluentui/*', '@microsoft/*', '**/data/**', '**/components/**', '**/webparts/**'], message: 'src/domain is pure TypeScript.' }] }],
      },
    },
    {
      files: ['src/components/**/*.ts', 'src/components/**/*.tsx', 'src/webparts/*/components/**/*.tsx'],
      rules: {
        'no-restricted-imports': ['error', { patterns: [...pnpAndGraph, { group: ['**/data/sp/**', '**/data/graph/**', '**/data/schema/**'], message: 'Components use src/data/contracts only.' }] }],
      },
    },
  ],
};
