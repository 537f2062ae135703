import type { Lang } from '../../../../platform/web/i18n.ts';
import { districtShapes, type MapFrame, mapFrames, projection } from '../analysis-map-shapes.ts';
import { analysisText as text } from '../analysis-messages.ts';
import type { Hotspot } from '../analysis-queries.ts';
import { placeOfKey } from '../analysis-rules.ts';

/** Shades of the GOV.UK blue, from none to the most petitions. */
const shades = ['#f3f2f1', '#d2e2f1', '#a5c6e4', '#5694ca', '#1d70b8', '#003078'];

function shadeOf(count: number, most: number): string {
  if (count <= 0 || most <= 0) return shades[0] as string;
  return shades[
    Math.min(shades.length - 1, 1 + Math.floor((count / most) * (shades.length - 1.0001)))
  ] as string;
}

const separator = (lang: Lang) => (lang === 'en' ? ': ' : '：');

function Frame(props: {
  lang: Lang;
  frame: MapFrame;
  counts: ReadonlyMap<string, number>;
  hotspots: readonly Hotspot[];
  districtName: (code: string) => string;
}) {
  const { frame, lang } = props;
  const { height, x, y } = projection(frame);
  const most = Math.max(0, ...props.counts.values());
  const busiest = Math.max(1, ...props.hotspots.map((hotspot) => hotspot.petitions));
  const titleId = `analysis-map-${frame.id}-title`;
  return (
    <svg
      viewBox={`0 0 ${frame.width} ${height}`}
      width="100%"
      role="img"
      aria-labelledby={titleId}
      data-map={frame.id}
      class="govuk-!-margin-bottom-4"
    >
      <title id={titleId}>{text(lang, 'mapLabel')}</title>
      <rect x="0" y="0" width={frame.width} height={height} fill="#ffffff" stroke="#b1b4b6" />
      {districtShapes(frame).map((shape) => (
        <path
          key={shape.code}
          d={shape.path}
          fill={shadeOf(props.counts.get(shape.code) ?? 0, most)}
          stroke="#505a5f"
          stroke-width="0.6"
          data-district={shape.code}
        >
          <title>{`${props.districtName(shape.code)}${separator(lang)}${props.counts.get(shape.code) ?? 0}`}</title>
        </path>
      ))}
      {props.hotspots.map((hotspot) =>
        hotspot.point === null ? null : (
          <circle
            key={hotspot.placeKey}
            cx={x(hotspot.point.longitude).toFixed(1)}
            cy={y(hotspot.point.latitude).toFixed(1)}
            r={(3 + 8 * Math.sqrt(hotspot.petitions / busiest)).toFixed(1)}
            fill="#d4351c"
            fill-opacity="0.75"
            stroke="#ffffff"
            stroke-width="1"
          >
            <title>{`${placeOfKey(hotspot.placeKey)}${separator(lang)}${hotspot.petitions}`}</title>
          </circle>
        ),
      )}
    </svg>
  );
}

/**
 * The map without JavaScript or tiles: the districts shaded by their petitions in the period, the hotspots as
 * dots, the whole city then its centre enlarged. The "By district" table and the hotspot list say the same in
 * words (UX.md: a map never stands alone).
 */
export function AnalysisMap(props: {
  lang: Lang;
  districtCounts: ReadonlyMap<string, number>;
  hotspots: readonly Hotspot[];
  districtName: (code: string) => string;
}) {
  const { lang } = props;
  return (
    <section aria-labelledby="analysis-map-heading" data-section="map">
      <h2 class="govuk-heading-m" id="analysis-map-heading">
        {text(lang, 'mapHeading')}
      </h2>
      <p class="govuk-body-s">{text(lang, 'mapCaption')}</p>
      <p class="govuk-body-s">
        <svg viewBox="0 0 200 16" width="200" height="16" aria-hidden="true">
          {shades.map((shade, index) => (
            <rect
              key={shade}
              x={index * 20 + 50}
              y="2"
              width="20"
              height="12"
              fill={shade}
              stroke="#b1b4b6"
            />
          ))}
          <text x="0" y="13" font-size="11">
            {text(lang, 'mapLegendFew')}
          </text>
          <text x="175" y="13" font-size="11">
            {text(lang, 'mapLegendMany')}
          </text>
        </svg>
      </p>
      <div class="govuk-grid-row">
        {mapFrames.map((frame) => (
          <div key={frame.id} class="govuk-grid-column-one-half">
            <Frame
              lang={lang}
              frame={frame}
              counts={props.districtCounts}
              hotspots={props.hotspots}
              districtName={props.districtName}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
