import type { Lang } from '../../../platform/web/i18n.ts';
import type { PublicStateGroup } from '../public-report-filters.ts';
import { publicReportText as text } from '../public-report-messages.ts';

/** The tag of each of the three states: a word always, the colour only helps (UX.md: no meaning in colour). */
const groupTagClasses: Record<PublicStateGroup, string> = {
  open: 'govuk-tag--orange',
  fixed: 'govuk-tag--green',
  closed: 'govuk-tag--grey',
};

export function StateGroupTag({ lang, group }: { lang: Lang; group: PublicStateGroup }) {
  return (
    <strong class={`govuk-tag ${groupTagClasses[group]} ow-report-state`} data-status={group}>
      {text(lang, `group_${group}`)}
    </strong>
  );
}

/** The map's container: the script (reports-map.js) fills it; without it, it says the list is below. */
export function ReportMap(props: {
  lang: Lang;
  id: string;
  /** The GeoJSON URL without the bbox (the script adds the box in view), or a single point to show. */
  data: { geojson: string } | { point: { lat: number; lon: number } };
  /** Where to look first: [minLon, minLat, maxLon, maxLat]. */
  bounds?: readonly [number, number, number, number];
  tileUrl: string | null;
  tileAttribution: string;
  isSmall?: boolean;
  /** The map's accessible name (it is a region a keyboard can pan). */
  label: string;
}) {
  const { lang } = props;
  const labels = {
    truncated: text(lang, 'mapTruncated'),
    failed: text(lang, 'mapLoadFailed'),
    shown: text(lang, 'mapShown'),
    marker: text(lang, 'markerLabel'),
    cluster: text(lang, 'clusterLabel'),
    zoomIn: text(lang, 'zoomIn'),
    zoomOut: text(lang, 'zoomOut'),
  };
  return (
    <section
      class={`ow-report-map${props.isSmall ? ' ow-report-map--small' : ''}`}
      id={props.id}
      data-module="ow-report-map"
      aria-label={props.label}
      data-lang={lang}
      data-geojson={'geojson' in props.data ? props.data.geojson : undefined}
      data-point={'point' in props.data ? `${props.data.point.lat},${props.data.point.lon}` : undefined}
      data-bounds={props.bounds?.join(',')}
      data-tile-url={props.tileUrl ?? ''}
      data-tile-attribution={props.tileAttribution}
      data-labels={JSON.stringify(labels)}
    >
      <p class="govuk-body ow-report-map__fallback">{text(lang, 'mapNoScript')}</p>
    </section>
  );
}

/** The map's script and its styles load only on pages with a map (leaflet is ~150 KB). */
export function ReportMapScript() {
  return <script type="module" src="/assets/build/reports-map.js" />;
}
