// The /report page (modules/reports/views/report-form-page.tsx), made quicker with JavaScript; without it
// the same form works (address, district, coordinates, every category's questions shown):
// - only the chosen category's own questions are shown;
// - a map with a draggable pin (tap the map to move it too) fills in the latitude and longitude, and typed
//   coordinates move the pin; "use my location" asks the browser where the phone is;
// - a JPEG chosen as a photo that carries its GPS position moves the pin there (unless the person already
//   placed it: then a button offers the photo's position);
// - open reports of the same category near the pin are shown early, each with its photo, state and distance
//   (the server asks again on sending, where the person follows one or says theirs is different);
// - with the keyboard, the arrow keys move the pin (about 5 m a press, 50 m with Shift) when it or the map has
//   focus, and the status line says where it went (WCAG 2.1.1: dragging is not the only way).
// Settings and words come from the map block's data attributes: the CSP allows no inline script.

import { readGpsFromJpeg } from './exif-gps.js';
import { loadLeaflet } from './leaflet-loader.js';

const kaohsiungCentre = [22.6273, 120.3014];
/** EXIF comes first in a JPEG: the first 512 KiB hold it even with a large thumbnail before it. */
const exifBytes = 512 * 1024;
/** Metres in a degree of latitude: over 50 m the earth is flat enough for a pin. */
const metresPerDegree = 111_320;
/** How far a press of an arrow key moves the pin: a few steps along a kerb, or across a junction with Shift. */
const nudgeMetres = { plain: 5, shift: 50 };
/**
 * Each arrow key: which way it moves the pin, and the map block's data attribute naming that way.
 * @type {Record<string, { north: number, east: number, words: string }>}
 */
const nudgeKeys = {
  ArrowUp: { north: 1, east: 0, words: 'textNorth' },
  ArrowDown: { north: -1, east: 0, words: 'textSouth' },
  ArrowRight: { north: 0, east: 1, words: 'textEast' },
  ArrowLeft: { north: 0, east: -1, words: 'textWest' },
};

const form = document.getElementById('report-form');
const block = document.getElementById('report-map-block');
if (form instanceof HTMLFormElement && block instanceof HTMLElement) enhance(form, block);

/**
 * @param {string} template
 * @param {Record<string, string | number>} values
 */
function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}

/**
 * A point moved `north` and `east` metres (negative: south, west).
 * @param {{ lat: number, lon: number }} point
 * @param {number} north
 * @param {number} east
 */
function movedBy(point, north, east) {
  return {
    lat: point.lat + north / metresPerDegree,
    lon: point.lon + east / (metresPerDegree * Math.cos((point.lat * Math.PI) / 180)),
  };
}

/** @param {string} text */
function coordinate(text) {
  const value = text.trim().replace(',', '.');
  return /^[+-]?\d+(\.\d+)?$/.test(value) ? Number(value) : null;
}

/**
 * @param {HTMLFormElement} form
 * @param {HTMLElement} block
 */
function enhance(form, block) {
  const data = block.dataset;
  const latitude = /** @type {HTMLInputElement} */ (form.querySelector('#latitude'));
  const longitude = /** @type {HTMLInputElement} */ (form.querySelector('#longitude'));
  const status = /** @type {HTMLElement} */ (document.getElementById('report-map-status'));
  const nearbyNote = /** @type {HTMLElement} */ (document.getElementById('report-nearby'));
  const locateButton = /** @type {HTMLButtonElement} */ (document.getElementById('use-my-location'));
  const photoButton = /** @type {HTMLButtonElement} */ (document.getElementById('use-photo-place'));
  const photosInput = /** @type {HTMLInputElement | null} */ (form.querySelector('#photos'));

  const say = (/** @type {string} */ text) => {
    status.textContent = text;
  };
  const chosenCategory = () =>
    /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="serviceCode"]:checked'))?.value ??
    '';
  const typedPoint = () => {
    const lat = coordinate(latitude.value);
    const lon = coordinate(longitude.value);
    return lat === null || lon === null ? null : { lat, lon };
  };

  // Only the chosen category's questions (without a choice, none).
  const showQuestions = () => {
    const chosen = chosenCategory();
    for (const group of form.querySelectorAll('.ow-report-questions')) {
      /** @type {HTMLElement} */ (group).hidden =
        /** @type {HTMLElement} */ (group).dataset.category !== chosen;
    }
  };
  showQuestions();

  const nearbyText = /** @type {HTMLElement} */ (document.getElementById('report-nearby-text'));
  const nearbyList = /** @type {HTMLElement} */ (document.getElementById('report-nearby-list'));
  /** One open report nearby, as the server's duplicate step shows it: its photo, number, state and distance. */
  const nearbyItem = (
    /** @type {{ caseNumber: string, stateText: string, distanceMetres: number, thumbnailUrl: string | null }} */ report,
  ) => {
    const item = document.createElement('li');
    item.className = 'ow-report-nearby__item';
    if (report.thumbnailUrl) {
      const photo = document.createElement('img');
      photo.src = report.thumbnailUrl;
      photo.alt = fill(data.textNearbyPhotoAlt ?? '', { number: report.caseNumber });
      photo.width = 96;
      photo.loading = 'lazy';
      // A report not public yet has no public photo: then the words alone.
      photo.addEventListener('error', () => photo.remove());
      item.append(photo);
    }
    const words = document.createElement('span');
    words.textContent = fill(data.textNearbyItem ?? '', {
      number: report.caseNumber,
      state: report.stateText,
      distance: report.distanceMetres,
    });
    item.append(words);
    return item;
  };

  /** @type {number | undefined} */
  let nearbyTimer;
  const checkNearby = () => {
    window.clearTimeout(nearbyTimer);
    nearbyTimer = window.setTimeout(async () => {
      const point = typedPoint();
      const service = chosenCategory();
      if (point === null || service === '' || !data.nearbyUrl) {
        nearbyNote.hidden = true;
        return;
      }
      const query = new URLSearchParams({ service, lat: String(point.lat), lon: String(point.lon) });
      try {
        const response = await fetch(`${data.nearbyUrl}&${query}`, {
          headers: { accept: 'application/json' },
        });
        if (!response.ok) return;
        const answer = await response.json();
        const reports = Array.isArray(answer.reports) ? answer.reports : [];
        nearbyNote.hidden = reports.length === 0;
        nearbyText.textContent =
          reports.length === 0
            ? ''
            : fill(data.textNearbyFound ?? '', { count: reports.length, radius: answer.radiusMetres });
        nearbyList.replaceChildren(...reports.map(nearbyItem));
      } catch {
        // The hint is a courtesy: the server compares the report again when it is sent.
      }
    }, 400);
  };

  for (const radio of form.querySelectorAll('input[name="serviceCode"]')) {
    radio.addEventListener('change', () => {
      showQuestions();
      checkNearby();
    });
  }

  /** Set by the person (dragging, tapping, typing, "my location"): a photo's position is then only offered. */
  let placedByHand = typedPoint() !== null;
  /** @type {{ lat: number, lon: number } | null} */
  let photoPoint = null;
  /** @type {((point: { lat: number, lon: number }, zoom?: boolean) => void) | null} */
  let movePin = null;

  const setInputs = (/** @type {{ lat: number, lon: number }} */ point) => {
    latitude.value = point.lat.toFixed(6);
    longitude.value = point.lon.toFixed(6);
  };
  const placeAt = (/** @type {{ lat: number, lon: number }} */ point, /** @type {string} */ message) => {
    setInputs(point);
    movePin?.(point, true);
    say(fill(message, { lat: point.lat.toFixed(6), lon: point.lon.toFixed(6) }));
    checkNearby();
  };

  for (const input of [latitude, longitude]) {
    input.addEventListener('change', () => {
      const point = typedPoint();
      if (point === null) return;
      placedByHand = true;
      movePin?.(point, true);
      checkNearby();
    });
  }

  if ('geolocation' in navigator) {
    locateButton.hidden = false;
    locateButton.addEventListener('click', () => {
      say(data.textLocating ?? '');
      navigator.geolocation.getCurrentPosition(
        (position) => {
          placedByHand = true;
          placeAt({ lat: position.coords.latitude, lon: position.coords.longitude }, data.textPinMoved ?? '');
        },
        () => say(data.textLocationFailed ?? ''),
        { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
      );
    });
  }

  photoButton.addEventListener('click', () => {
    if (photoPoint === null) return;
    placedByHand = true;
    photoButton.hidden = true;
    placeAt(photoPoint, data.textPhotoPlace ?? '');
  });

  photosInput?.addEventListener('change', async () => {
    photoPoint = null;
    photoButton.hidden = true;
    for (const file of photosInput.files ?? []) {
      if (file.type !== 'image/jpeg' && !/\.jpe?g$/i.test(file.name)) continue;
      const gps = readGpsFromJpeg(await file.slice(0, exifBytes).arrayBuffer());
      if (gps === null) continue;
      photoPoint = gps;
      break;
    }
    if (photoPoint === null) return;
    if (placedByHand) photoButton.hidden = false;
    else placeAt(photoPoint, data.textPhotoPlace ?? '');
  });

  block.hidden = false;
  loadLeaflet()
    .then((L) => {
      const start = typedPoint();
      L.Icon.Default.imagePath = `${data.leafletBase ?? '/assets/build/leaflet/'}images/`;
      const map = L.map('report-map', {
        center: start === null ? kaohsiungCentre : [start.lat, start.lon],
        zoom: start === null ? 12 : 17,
      });
      map.attributionControl.setPrefix('<a href="https://leafletjs.com/">Leaflet</a>');
      if (data.tileUrl)
        L.tileLayer(data.tileUrl, { attribution: data.tileAttribution ?? '', maxZoom: 19 }).addTo(map);

      /** @type {any} */
      let marker = null;
      /** The person put the pin at `point` (dragged or keyed): the coordinates, the words, the nearby hint. */
      const pinPlacedByHand = (
        /** @type {{ lat: number, lon: number }} */ point,
        /** @type {string} */ message,
      ) => {
        placedByHand = true;
        setInputs(point);
        say(fill(message, { lat: point.lat.toFixed(6), lon: point.lon.toFixed(6) }));
        checkNearby();
      };
      movePin = (point, zoom = false) => {
        const where = [point.lat, point.lon];
        if (marker === null) {
          // keyboard: true (the default) makes the pin a button in the Tab order; its alt text is its name.
          marker = L.marker(where, { draggable: true, autoPan: true, alt: data.textPinAlt ?? '' }).addTo(map);
          marker.getElement().id = 'report-pin';
          marker.on('dragend', () => {
            const moved = marker.getLatLng();
            pinPlacedByHand({ lat: moved.lat, lon: moved.lng }, data.textPinMoved ?? '');
          });
        } else marker.setLatLng(where);
        if (zoom) map.setView(where, Math.max(map.getZoom(), 17));
      };

      // Arrow keys on the pin, or on the map (where they would pan it), move the pin instead; without a pin
      // yet, the first press puts it at the middle of the map and moves it from there. The map follows.
      const container = map.getContainer();
      container.addEventListener('keydown', (/** @type {KeyboardEvent} */ event) => {
        const nudge = nudgeKeys[event.key];
        if (nudge === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
        const onPin = marker !== null && event.target === marker.getElement();
        if (!onPin && event.target !== container) return;
        // Not Leaflet's panning (its listener is on the document), nor the page's scrolling.
        event.preventDefault();
        event.stopPropagation();
        const metres = event.shiftKey ? nudgeMetres.shift : nudgeMetres.plain;
        const centre = map.getCenter();
        const from =
          marker === null
            ? { lat: centre.lat, lon: centre.lng }
            : { lat: marker.getLatLng().lat, lon: marker.getLatLng().lng };
        const point = movedBy(from, nudge.north * metres, nudge.east * metres);
        movePin?.(point);
        map.panInside([point.lat, point.lon]);
        pinPlacedByHand(
          point,
          fill(data.textPinNudged ?? '', { metres, direction: data[nudge.words] ?? '' }),
        );
      });
      if (start !== null) movePin(start);
      else if (photoPoint !== null && !placedByHand) placeAt(photoPoint, data.textPhotoPlace ?? '');
      map.on('click', (/** @type {any} */ event) => {
        placedByHand = true;
        placeAt({ lat: event.latlng.lat, lon: event.latlng.lng }, data.textPinMoved ?? '');
      });
      checkNearby();
    })
    .catch(() => {
      // No map (the script could not load): the address, district and coordinates are all there is.
      const map = document.getElementById('report-map');
      if (map) map.hidden = true;
    });
}
