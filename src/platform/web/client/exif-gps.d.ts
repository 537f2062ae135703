// Types of exif-gps.js, the EXIF reader shared by the /report page and the server (the project does not
// type-check JavaScript, so they are declared here).

export interface GpsPosition {
  /** Degrees, north positive. */
  lat: number;
  /** Degrees, east positive. */
  lon: number;
}

export interface ExifFacts {
  gps: GpsPosition | null;
  /** As written: "YYYY:MM:DD HH:MM:SS", local time of the camera. */
  dateTimeOriginal: string | null;
  /** As written: "+08:00"; absent from most older cameras. */
  offsetTimeOriginal: string | null;
}

export function readGpsFromJpeg(data: ArrayBuffer | ArrayBufferView): GpsPosition | null;
export function findExifInJpeg(data: ArrayBuffer | ArrayBufferView): Uint8Array | null;
export function readExifFacts(data: ArrayBuffer | ArrayBufferView): ExifFacts;
