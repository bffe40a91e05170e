// Compiles the stylesheet and copies govuk-frontend's script and images into public/build, which
// @fastify/static serves under /assets. Runs on `npm install` (prepare), and before start when an
// output is missing or older than our asset sources (markup and stylesheet change together: a page
// served with the stylesheet of an older checkout can lose its styles).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public/build');
const outputs = ['app.css', 'app.js', 'session-timeout.js', 'application-form.js', 'govuk-frontend.min.js', 'images/favicon.svg'];
const sourceDir = join(root, 'src/platform/assets');
const newestSource = Math.max(...readdirSync(sourceDir).map((file) => statSync(join(sourceDir, file)).mtimeMs));
const upToDate = outputs
  .flatMap((file) => [file, `${file}.br`, `${file}.gz`])
  .every((file) => existsSync(join(out, file)) && statSync(join(out, file)).mtimeMs >= newestSource);
if (process.argv.includes('--if-missing') && upToDate) process.exit(0);
// Loaded only when building: sass takes a quarter of a second to load, on every `npm start`.
const sass = await import('sass');
const govuk = join(root, 'node_modules/govuk-frontend/dist/govuk');
mkdirSync(join(out, 'images'), { recursive: true });

const css = sass.compile(join(root, 'src/platform/assets/main.scss'), {
  loadPaths: [join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
});
writeFileSync(join(out, 'app.css'), css.css);
cpSync(join(govuk, 'govuk-frontend.min.js'), join(out, 'govuk-frontend.min.js'));
cpSync(join(root, 'src/platform/assets/app.js'), join(out, 'app.js'));
cpSync(join(root, 'src/platform/assets/session-timeout.js'), join(out, 'session-timeout.js'));
cpSync(join(root, 'src/platform/assets/application-form.js'), join(out, 'application-form.js'));
// Our own favicon: the GOV.UK crest images may not be used outside GOV.UK.
cpSync(join(root, 'src/platform/assets/favicon.svg'), join(out, 'images/favicon.svg'));
// Compressed once here at the highest levels, served by @fastify/static's preCompressed: smaller
// than compressing each response, and no CPU spent on it per request.
for (const file of outputs) {
  const bytes = readFileSync(join(out, file));
  writeFileSync(join(out, `${file}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
  writeFileSync(join(out, `${file}.gz`), gzipSync(bytes, { level: 9 }));
}
console.log(`assets built: app.css ${(css.css.length / 1024).toFixed(0)} KB`);
