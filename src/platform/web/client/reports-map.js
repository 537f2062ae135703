// The public map of photo reports (/reports) and a report's small map (/reports/:number). The server renders
// each map's container (src/modules/reports/views/public-report-parts.tsx) with what the script needs in
// data attributes: the GeoJSON address (without the box: the box in view is added here) or a single point,
// where to look first, the tile URL and attribution from the configuration, and the words. Without this
// script, or without tiles, the list under the map shows the same reports (UX.md: maps never stand alone).

import { loadLeaflet, loadMarkerClustering } from './leaflet-loader.js';

/** Newest first, the server sends at most this many per box and says when it cut (`truncated`). */
const reloadDelayMs = 250;

/** @param {string} value */
function escapeHtml(value) {
  return value.replace(
    /[&<>"']/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[character] ?? '',
  );
}

/**
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/** Each status has its own colour and its own sign, so colour is never the only difference. */
const signs = { open: '!', fixed: '✓', closed: '×' };

/**
 * @param {any} L
 * @param {string} status
 * @param {string} label
 */
function markerIcon(L, status, label) {
  const known = status in signs ? status : 'closed';
  return L.divIcon({
    className: 'ow-map-marker-icon',
    html: `<span class="ow-map-marker ow-map-marker--${known}" aria-hidden="true">${signs[/** @type {'open'} */ (known)]}</span><span class="govuk-visually-hidden">${escapeHtml(label)}</span>`,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
}

/** @param {HTMLElement} element */
async function start(element) {
  const labels = JSON.parse(element.dataset.labels ?? '{}');
  const status = element.id ? document.getElementById(`${element.id}-status`) : null;
  const say = (/** @type {string} */ text) => {
    if (status) status.textContent = text;
  };
  const isList = element.dataset.geojson !== undefined;
  let L;
  try {
    L = isList ? await loadMarkerClustering() : await loadLeaflet();
  } catch {
    say(labels.failed ?? '');
    return;
  }
  element.replaceChildren();
  element.classList.add('ow-report-map--live');
  const map = L.map(element, { zoomControl: false, scrollWheelZoom: !isList ? false : 'center' });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  L.control.zoom({ zoomInTitle: labels.zoomIn, zoomOutTitle: labels.zoomOut }).addTo(map);
  const tileUrl = element.dataset.tileUrl ?? '';
  if (tileUrl !== '') {
    L.tileLayer(tileUrl, { attribution: element.dataset.tileAttribution ?? '', maxZoom: 19 }).addTo(map);
  }

  if (!isList) {
    const [lat, lon] = (element.dataset.point ?? '').split(',').map(Number);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) return;
    map.setView([lat, lon], 17);
    L.marker([lat, lon], { icon: markerIcon(L, 'open', ''), keyboard: false, interactive: false }).addTo(map);
    return;
  }

  const [minLon, minLat, maxLon, maxLat] = (element.dataset.bounds ?? '').split(',').map(Number);
  if ([minLon, minLat, maxLon, maxLat].every(Number.isFinite)) {
    map.fitBounds([
      [minLat, minLon],
      [maxLat, maxLon],
    ]);
  } else {
    map.setView([22.63, 120.3], 12);
  }

  const clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    iconCreateFunction: (/** @type {any} */ cluster) => {
      const count = cluster.getChildCount();
      const size = count < 10 ? 'small' : count < 100 ? 'medium' : 'large';
      return L.divIcon({
        className: `marker-cluster marker-cluster-${size}`,
        html: `<div><span aria-hidden="true">${count}</span><span class="govuk-visually-hidden">${escapeHtml(fill(labels.cluster ?? '{count}', { count }))}</span></div>`,
        iconSize: L.point(40, 40),
      });
    },
  });
  map.addLayer(clusters);

  /**
   * The markers on the map, by the feature they show. A reload keeps the ones whose report is unchanged, so
   * a popup someone has open stays open: opening one pans the map to fit it, and the reload that pan causes
   * used to remove every marker, and the popup with them, before its link could be tapped.
   * @type {Map<string, any>}
   */
  let shown = new Map();
  /** @type {AbortController | null} */
  let inFlight = null;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  async function load() {
    inFlight?.abort();
    inFlight = new AbortController();
    const bounds = map.getBounds();
    const box = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map((value) => Math.max(-180, Math.min(180, value)).toFixed(5))
      .join(',');
    const url = new URL(element.dataset.geojson ?? '', window.location.href);
    url.searchParams.set('bbox', box);
    try {
      const response = await fetch(url, {
        signal: inFlight.signal,
        headers: { accept: 'application/geo+json' },
      });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const collection = await response.json();
      /** @type {Map<string, any>} */
      const next = new Map();
      for (const feature of collection.features ?? []) {
        if (!feature.geometry) continue;
        const key = JSON.stringify(feature);
        const kept = shown.get(key);
        if (kept !== undefined) {
          next.set(key, kept);
          continue;
        }
        const [lon, lat] = feature.geometry.coordinates;
        const properties = feature.properties ?? {};
        const label = fill(labels.marker ?? '{caseNumber}', {
          category: properties.category_name ?? '',
          state: properties.status_name ?? '',
          caseNumber: properties.case_number ?? '',
        });
        const marker = L.marker([lat, lon], { icon: markerIcon(L, properties.status, label) });
        marker.bindPopup(() => popupOf(properties, element.dataset.lang === 'en' ? '/en' : ''));
        next.set(key, marker);
      }
      clusters.removeLayers([...shown].filter(([key]) => !next.has(key)).map(([, marker]) => marker));
      clusters.addLayers([...next].filter(([key]) => !shown.has(key)).map(([, marker]) => marker));
      shown = next;
      const count = fill(labels.shown ?? '{count}', { count: next.size });
      say(
        collection.truncated
          ? `${count} ${fill(labels.truncated ?? '', { count: collection.limit })}`
          : count,
      );
      element.dataset.loaded = String(next.size);
      element.dataset.loads = String(Number(element.dataset.loads ?? '0') + 1);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      say(labels.failed ?? '');
    }
  }

  map.on('moveend', () => {
    clearTimeout(timer);
    timer = setTimeout(load, reloadDelayMs);
  });
  await load();
}

/** A popup's content, built as elements (the names are data: never parsed as HTML). */
function popupOf(/** @type {Record<string, string>} */ properties, /** @type {string} */ languagePrefix) {
  const box = document.createElement('div');
  const link = document.createElement('a');
  link.className = 'govuk-link';
  // The page on this site (the feature's `url` is the configured public address, for other systems).
  link.href = `${languagePrefix}/reports/${encodeURIComponent(properties.case_number ?? '')}`;
  link.textContent = `${properties.category_name ?? ''} ${properties.case_number ?? ''}`;
  const heading = document.createElement('p');
  heading.className = 'govuk-body govuk-!-margin-bottom-1';
  heading.append(link);
  const facts = document.createElement('p');
  facts.className = 'govuk-body-s govuk-!-margin-bottom-0';
  facts.textContent = [
    properties.status_name,
    properties.state_name,
    properties.district_name,
    properties.village_name,
  ]
    .filter((part) => part)
    .join(' · ');
  box.append(heading, facts);
  return box;
}

for (const element of document.querySelectorAll('[data-module="ow-report-map"]')) {
  start(/** @type {HTMLElement} */ (element));
}
