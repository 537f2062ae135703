// Loads Leaflet (and, when a map asks, its marker clustering) once per page, from our own origin
// (/assets/build/leaflet/, scripts/build-assets.mjs), with their stylesheets. They are classic UMD scripts:
// the clustering plugin extends the global `L`, which the ES-module build of Leaflet cannot offer. Only pages
// with a map load them (Leaflet is ~150 KB); the pages work without them.

const base = '/assets/build/leaflet/';

/** @type {Promise<any> | null} */
let leaflet = null;
/** @type {Promise<any> | null} */
let clustering = null;

/** @param {string} src */
function addScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.async = false;
    script.addEventListener('load', () => resolve(undefined));
    script.addEventListener('error', () => reject(new Error(`Could not load ${src}`)));
    document.head.append(script);
  });
}

/** @param {string} href */
function addStylesheet(href) {
  if (document.querySelector(`link[rel="stylesheet"][href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}

/** Leaflet's global `L`, loaded once. */
export function loadLeaflet() {
  leaflet ??= (() => {
    addStylesheet(`${base}leaflet.css`);
    return addScript(`${base}leaflet.js`).then(() => /** @type {any} */ (window).L);
  })();
  return leaflet;
}

/** Leaflet with L.MarkerClusterGroup, loaded once. */
export function loadMarkerClustering() {
  clustering ??= loadLeaflet().then((L) => {
    addStylesheet(`${base}MarkerCluster.css`);
    addStylesheet(`${base}MarkerCluster.Default.css`);
    return addScript(`${base}leaflet.markercluster.js`).then(() => L);
  });
  return clustering;
}
