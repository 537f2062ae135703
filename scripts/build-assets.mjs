/**
 * `npm run build`: compiles our SCSS (govuk-frontend re-themed with OneWindow's tokens) into
 * public/build/onewindow.css and copies the browser scripts beside it. Everything under public/ is served
 * at /assets/, so these land at /assets/build/…. Plain ESM with no TypeScript so it runs on Node 20 and 24
 * before anything else is set up (`prestart`, `pretest`).
 */
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputFolder = path.join(root, 'public', 'build');
const require = createRequire(import.meta.url);
const govukFolder = path.dirname(require.resolve('govuk-frontend/package.json'));

const startedAt = performance.now();
await mkdir(outputFolder, { recursive: true });

const stylesheet = sass.compile(path.join(root, 'src/platform/web/styles/onewindow.scss'), {
  loadPaths: [path.join(root, 'node_modules')],
  style: 'compressed',
  // Deprecation notices from govuk-frontend's own Sass are theirs to fix; ours are still shown.
  quietDeps: true,
});
await writeFile(path.join(outputFolder, 'onewindow.css'), stylesheet.css);

// govuk-frontend's ES module bundle: app.js imports initAll from it. The GOV.UK fonts and crest images are
// deliberately not copied: they belong to the UK government (UX.md).
const copies = [
  [path.join(govukFolder, 'dist/govuk/govuk-frontend.min.js'), 'govuk-frontend.min.js'],
  [path.join(root, 'src/platform/web/client/app.js'), 'app.js'],
  // The EXIF reader the /report page imports to place the map pin from a photo (the server uses it too).
  [path.join(root, 'src/platform/web/client/exif-gps.js'), 'exif-gps.js'],
  // The /report form's map pin, photo position and category questions (the form works without it).
  [path.join(root, 'src/platform/web/client/report-form.js'), 'report-form.js'],
  // Leaflet, loaded by the pages with a map only; and the public map of photo reports.
  [path.join(root, 'src/platform/web/client/leaflet-loader.js'), 'leaflet-loader.js'],
  [path.join(root, 'src/platform/web/client/reports-map.js'), 'reports-map.js'],
  // The field crews' page: "sort by distance from me" and the map of their reports.
  [path.join(root, 'src/platform/web/client/crew-map.js'), 'crew-map.js'],
];

// Leaflet and its marker clustering, served from our origin (the CSP allows no other script): one copy in
// public/build/leaflet/ for every map (the report form's pin, the public map, the crews' map). The UMD
// builds, loaded as classic scripts, because the clustering plugin extends the global `L`. The images
// (default marker, layers control) sit beside leaflet.css, which names them relatively.
const leafletFolder = path.dirname(require.resolve('leaflet/package.json'));
const clusterFolder = path.dirname(require.resolve('leaflet.markercluster/package.json'));
await mkdir(path.join(outputFolder, 'leaflet', 'images'), { recursive: true });
copies.push(
  [path.join(leafletFolder, 'dist/leaflet.js'), 'leaflet/leaflet.js'],
  [path.join(leafletFolder, 'dist/leaflet.css'), 'leaflet/leaflet.css'],
  [path.join(clusterFolder, 'dist/leaflet.markercluster.js'), 'leaflet/leaflet.markercluster.js'],
  [path.join(clusterFolder, 'dist/MarkerCluster.css'), 'leaflet/MarkerCluster.css'],
  [path.join(clusterFolder, 'dist/MarkerCluster.Default.css'), 'leaflet/MarkerCluster.Default.css'],
  ...(await readdir(path.join(leafletFolder, 'dist/images'))).map((image) => [
    path.join(leafletFolder, 'dist/images', image),
    `leaflet/images/${image}`,
  ]),
);
for (const [source, name] of copies) await copyFile(source, path.join(outputFolder, name));

const elapsed = Math.round(performance.now() - startedAt);
console.log(
  `build: public/build/onewindow.css (${Math.round(stylesheet.css.length / 1024)} KiB) and scripts in ${elapsed} ms`,
);
