// webpack: the panel bundle htdocs/dist/main.js, an AMD module whose React and UI library
// come from the panel's own `plesk-ui-library` module (none of React is bundled).
const path = require('path');

const root = path.resolve(__dirname, '..');

module.exports = {
  mode: 'production',
  context: root,
  entry: './src/main.tsx',
  output: {
    path: path.join(root, 'htdocs', 'dist'),
    filename: 'main.js',
    library: { type: 'amd' },
    clean: true,
  },
  resolve: {
    extensions: ['.tsx', '.ts', '.js'],
    alias: { 'react/jsx-runtime$': path.join(__dirname, 'ui', 'jsxRuntime.ts') },
  },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        include: [path.join(root, 'src'), path.join(__dirname, 'ui')],
        loader: 'ts-loader',
        // tsc --noEmit checks types for the whole project; the build only transpiles.
        options: { transpileOnly: true, compilerOptions: { module: 'es2020', noEmit: false } },
      },
    ],
  },
  // One panel module carries React, ReactDOM (createRoot included) and the UI components.
  externals: {
    react: 'plesk-ui-library',
    'react-dom': 'plesk-ui-library',
    'react-dom/client': 'plesk-ui-library',
    '@plesk/ui-library': 'plesk-ui-library',
  },
  performance: { maxAssetSize: 150 * 1024, maxEntrypointSize: 150 * 1024, hints: 'error' },
  devtool: false,
};
