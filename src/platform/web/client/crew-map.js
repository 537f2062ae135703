// The field crews' page (/staff/crew, src/modules/reports/views/crew-page.tsx): "sort by distance from me"
// (the browser's position becomes ?lat=&lon=, and the server sorts the list) and the map of the reports in
// the list. The list is the page: without this script, without a position or without tiles, it is all there
// (UX.md: maps never stand alone). What the map shows comes in data attributes (the CSP allows no inline
// script): the same reports as the list, each with its case number, category and its place in the list.

import { loadLeaflet } from './leaflet-loader.js';

/** @param {HTMLButtonElement} button */
function enableLocate(button) {
  if (!('geolocation' in navigator)) return;
  button.hidden = false;
  button.addEventListener('click', () => {
    button.disabled = true;
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const url = new URL(button.dataset.href ?? window.location.pathname, window.location.href);
        url.searchParams.set('lat', position.coords.latitude.toFixed(6));
        url.searchParams.set('lon', position.coords.longitude.toFixed(6));
        window.location.assign(url.toString());
      },
      () => {
        button.disabled = false;
        document.getElementById('crew-position-refused')?.removeAttribute('hidden');
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  });
}

/**
 * @param {any} L
 * @param {boolean} isMine
 * @param {string} label
 */
function markerIcon(L, isMine, label) {
  const icon = document.createElement('span');
  const sign = document.createElement('span');
  sign.className = `ow-map-marker ow-map-marker--${isMine ? 'open' : 'closed'}`;
  sign.setAttribute('aria-hidden', 'true');
  sign.textContent = isMine ? '!' : '+';
  const words = document.createElement('span');
  words.className = 'govuk-visually-hidden';
  words.textContent = label;
  icon.append(sign, words);
  return L.divIcon({
    className: 'ow-map-marker-icon',
    html: icon,
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -14],
  });
}

/** @param {HTMLElement} element */
async function startMap(element) {
  /** @type {{ lat: number; lon: number; label: string; href: string; isMine: boolean }[]} */
  const reports = JSON.parse(element.dataset.reports ?? '[]');
  let L;
  try {
    L = await loadLeaflet();
  } catch {
    return; // The sentence in the container says to use the list.
  }
  element.replaceChildren();
  const map = L.map(element, { scrollWheelZoom: false });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
  const tileUrl = element.dataset.tileUrl ?? '';
  if (tileUrl !== '')
    L.tileLayer(tileUrl, { attribution: element.dataset.tileAttribution ?? '', maxZoom: 19 }).addTo(map);
  /** @type {[number, number][]} */
  const points = [];
  for (const report of reports) {
    const marker = L.marker([report.lat, report.lon], { icon: markerIcon(L, report.isMine, report.label) });
    // The popup leads to the report in the list, where its actions are.
    marker.bindPopup(() => {
      const link = document.createElement('a');
      link.className = 'govuk-link';
      link.href = report.href;
      link.textContent = report.label;
      return link;
    });
    marker.addTo(map);
    points.push([report.lat, report.lon]);
  }
  const [lat, lon] = (element.dataset.position ?? '').split(',').map(Number);
  if (Number.isFinite(lat) && Number.isFinite(lon) && element.dataset.position) {
    L.circleMarker([lat, lon], {
      radius: 8,
      color: '#1d70b8',
      weight: 3,
      fillOpacity: 0.6,
      interactive: false,
    }).addTo(map);
    points.push([lat, lon]);
  }
  if (points.length === 0) map.setView([22.63, 120.3], 12);
  else map.fitBounds(points, { padding: [30, 30], maxZoom: 17 });
  element.dataset.loaded = String(reports.length);
}

for (const button of document.querySelectorAll('[data-module="ow-crew-locate"]'))
  enableLocate(/** @type {HTMLButtonElement} */ (button));
for (const element of document.querySelectorAll('[data-module="ow-crew-map"]'))
  startMap(/** @type {HTMLElement} */ (element));
