import { Box, Flex, Text } from '@chakra-ui/react';
import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * A bar chart in plain SVG (no chart library): one bar per day, series stacked, drawn at the
 * pixel width of its box so the labels keep their size on a phone. It is a picture for those who
 * can see it — its summary is its accessible name, and every page that draws one also shows the
 * same numbers as a table.
 */
export interface Series {
  label: string;
  /** A CSS colour. */
  color: string;
  /** One value per day, in the chart's unit (non-negative). */
  values: number[];
}

const HEIGHT = 200;
const LEFT = 72;
const BOTTOM = 30;
const TOP = 8;

/** The width of an element, kept up to date as the window changes. */
function useWidth<T extends HTMLElement>(): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) =>
      setWidth(Math.floor(entry!.contentRect.width)),
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

/** 1, 2 or 5 times a power of ten at or above `v`: round numbers on the axis. */
function niceCeil(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

export function BarChart({
  days,
  series,
  dayLabel,
  format,
  summary,
  testId,
}: {
  days: string[];
  series: Series[];
  dayLabel: (day: string) => string;
  /** An axis or tooltip value in words ("12 kWh", "€3.20"). */
  format: (v: number) => string;
  summary: string;
  testId?: string;
}) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const totals = days.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const top = niceCeil(Math.max(0, ...totals));
  const plotW = Math.max(0, width - LEFT - 8);
  const plotH = HEIGHT - TOP - BOTTOM;
  const band = days.length ? plotW / days.length : 0;
  const bar = Math.max(1, Math.min(48, band * 0.7));
  // A day label every `every` days: about 56 px apart, so they never overlap.
  const every = Math.max(1, Math.ceil(56 / Math.max(band, 1)));
  const y = (v: number) => TOP + plotH - (v / top) * plotH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top);
  return (
    <Box ref={ref} w="full" minW={0} data-testid={testId}>
      {width > 0 && (
        <svg width={width} height={HEIGHT} role="img" aria-label={summary}>
          {ticks.map((t) => (
            <g key={t}>
              <line x1={LEFT} x2={width - 8} y1={y(t)} y2={y(t)} stroke="#e4e4e7" />
              <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" fontSize="11" fill="#52525b">
                {format(t)}
              </text>
            </g>
          ))}
          {days.map((day, i) => {
            const x = LEFT + i * band + (band - bar) / 2;
            let base = 0;
            return (
              <g key={day} data-day={day}>
                {series.map((s) => {
                  const v = s.values[i] ?? 0;
                  const from = base;
                  base += v;
                  if (v <= 0) return null;
                  return (
                    <rect
                      key={s.label}
                      x={x}
                      y={y(from + v)}
                      width={bar}
                      height={Math.max(1, y(from) - y(from + v))}
                      fill={s.color}
                    >
                      <title>{`${dayLabel(day)} · ${s.label}: ${format(v)}`}</title>
                    </rect>
                  );
                })}
                {i % every === 0 && (
                  <text
                    x={LEFT + i * band + band / 2}
                    y={HEIGHT - 6}
                    textAnchor="middle"
                    fontSize="11"
                    fill="#52525b"
                  >
                    {dayLabel(day)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      )}
      {series.length > 1 && (
        <Flex gap={4} wrap="wrap" fontSize="sm" aria-hidden="true">
          {series.map((s) => (
            <Flex key={s.label} align="center" gap={2}>
              <Box w={3} h={3} borderRadius="sm" style={{ background: s.color }} />
              <Text>{s.label}</Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Box>
  );
}
