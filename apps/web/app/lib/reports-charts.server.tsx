import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { Bar, Line, LinePath } from '@visx/shape';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { SERIES } from './reports-colours';

/**
 * The dashboard's charts, drawn with visx on the server into plain SVG markup. The page shows them
 * before any script runs (or when none does, on a low-end phone), and neither visx nor d3 is sent
 * to the browser. Every chart says its numbers in words too: on its bars and in its aria-label;
 * the page adds a table.
 */

/** The viewBox width: a 360px phone shows the charts at about their drawn size (the card is about 300px wide). */
const WIDTH = 320;
const INK = '#1a1a1a';
const MUTED = '#474747';
const GRID = '#e2d9cf';
const TRACK = '#f1ebe4';

const FONT = 14;

function svg(height: number, label: string, children: ReactElement | ReactElement[]): string {
  // visx's <Text> sets style="overflow:visible"; the pages' Content-Security-Policy refuses style
  // attributes, so it becomes the SVG presentation attribute that means the same.
  return renderToStaticMarkup(
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={label} focusable="false" className="dash-svg">
      {children}
    </svg>,
  ).replace(/ style="overflow:visible;?"/g, ' overflow="visible"');
}

/** Long names would run off a 360px chart; the table below it has them in full. */
function clip(text: string, max = 22): string {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

export interface TrendPoint {
  month: string;
  /** Under the x axis: "5月" / "May". */
  tick: string;
  enrollments: number;
  certificates: number;
}

/** Enrollments (solid line, round markers) and certificates (dashed line, square markers) by month. */
export function trendChart(points: TrendPoint[], label: string, formatCount: (n: number) => string): string {
  const height = 220;
  const margin = { top: 12, right: 14, bottom: 34, left: 40 };
  const innerWidth = WIDTH - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = Math.max(4, ...points.flatMap((p) => [p.enrollments, p.certificates]));
  const x = scalePoint<string>({ domain: points.map((p) => p.month), range: [0, innerWidth], padding: 0.5 });
  const y = scaleLinear<number>({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const yTicks = y.ticks(4).filter((v) => Number.isInteger(v));
  // About six labels fit under a phone-wide axis.
  const every = Math.ceil(points.length / 6);
  const xTicks = points.filter((_, i) => i % every === 0 || i === points.length - 1).map((p) => p.month);
  const ticks = new Map(points.map((p) => [p.month, p.tick]));
  const px = (p: TrendPoint) => x(p.month) ?? 0;
  return svg(
    height,
    label,
    <Group left={margin.left} top={margin.top}>
      {yTicks.map((v) => (
        <Line key={v} from={{ x: 0, y: y(v) }} to={{ x: innerWidth, y: y(v) }} stroke={GRID} strokeWidth={1} />
      ))}
      <AxisLeft
        scale={y}
        tickValues={yTicks}
        tickFormat={(v) => formatCount(Number(v))}
        hideAxisLine
        hideTicks
        tickLabelProps={{ fontSize: FONT, fill: MUTED, textAnchor: 'end', dx: -4, dy: '0.33em' }}
      />
      <AxisBottom
        top={innerHeight}
        scale={x}
        tickValues={xTicks}
        tickFormat={(m) => ticks.get(m) ?? m}
        stroke={MUTED}
        tickStroke={MUTED}
        tickLabelProps={{ fontSize: FONT, fill: MUTED, textAnchor: 'middle' }}
      />
      <LinePath data={points} x={px} y={(p) => y(p.enrollments)} stroke={SERIES.enrollments} strokeWidth={3} strokeLinejoin="round" />
      <LinePath data={points} x={px} y={(p) => y(p.certificates)} stroke={SERIES.certificates} strokeWidth={3} strokeDasharray="7 4" strokeLinejoin="round" />
      <g>
        {points.map((p) => (
          <circle key={`e${p.month}`} cx={px(p)} cy={y(p.enrollments)} r={4.5} fill={SERIES.enrollments} stroke="#fff" strokeWidth={1.5} />
        ))}
        {points.map((p) => (
          <rect
            key={`c${p.month}`}
            x={px(p) - 4.5}
            y={y(p.certificates) - 4.5}
            width={9}
            height={9}
            fill={SERIES.certificates}
            stroke="#fff"
            strokeWidth={1.5}
          />
        ))}
      </g>
    </Group>,
  );
}

export interface BarRow {
  name: string;
  /** 0..1, or null when there is nothing to show (drawn as text only). */
  value: number | null;
  /** What is written at the end of the bar: "87.5%", "12 人（40%）". */
  text: string;
  /** A second colour for rows that are not part of the main sequence (not hired, withdrawn). */
  side?: boolean;
  /** Space before this row, to set a group apart. */
  gapBefore?: boolean;
}

/** Horizontal bars, one per row: the name above, the bar on a light track, the number after it. */
export function barChart(rows: BarRow[], label: string, colour: string): string {
  const rowHeight = 54;
  const gap = 16;
  const textRoom = 104;
  const barMax = WIDTH - textRoom;
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, barMax], clamp: true });
  let top = 4;
  const placed = rows.map((row) => {
    if (row.gapBefore) top += gap;
    const y = top;
    top += rowHeight;
    return { row, y };
  });
  return svg(
    top + 4,
    label,
    placed.map(({ row, y }, i) => {
      const width = row.value === null ? 0 : Math.max(row.value > 0 ? 3 : 0, x(row.value));
      // A long bar carries its number inside (white on the colour), so the number never runs off the chart.
      const inside = width > barMax * 0.6;
      return (
        <Group key={i} top={y}>
          <text x={0} y={17} fontSize={FONT + 1} fill={INK}>
            {clip(row.name, 19)}
          </text>
          <Bar x={0} y={25} width={barMax} height={22} fill={TRACK} rx={3} />
          {width > 0 ? <Bar x={0} y={25} width={width} height={22} fill={row.side ? SERIES.funnelSide : colour} rx={3} /> : null}
          <text
            x={inside ? width - 6 : row.value === null ? 6 : width + 6}
            y={41}
            fontSize={FONT}
            fontWeight={row.value === null ? 400 : 700}
            textAnchor={inside ? 'end' : 'start'}
            fill={inside ? '#fff' : row.value === null ? MUTED : INK}
          >
            {row.text}
          </text>
        </Group>
      );
    }),
  );
}
