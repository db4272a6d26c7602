/** The pack's typography and fixed colours. Template colours are applied on top of these. */
import type { RagOrNoData } from '../../domain/status';

/** A4 in points; the top and bottom margins hold the running header and footer. */
export const PAGE = {
  size: 'A4',
  margins: { top: 66, bottom: 58, left: 42, right: 42 },
} as const;

/** Wide faces for prose and headings, condensed ones for tables and charts. */
export const FONT = {
  regular: 'DejaVuSans',
  bold: 'DejaVuSans-Bold',
  condensed: 'DejaVuSansCondensed',
  condensedBold: 'DejaVuSansCondensed-Bold',
} as const;
export type FontName = (typeof FONT)[keyof typeof FONT];

export const SIZE = {
  coverTitle: 24,
  h1: 17,
  h2: 12.5,
  h3: 10.5,
  body: 9.5,
  table: 8,
  small: 7,
} as const;

/**
 * Fixed so that every pack reads alike and each colour keeps at least 3:1 against white (WCAG
 * non-text contrast); the shapes and words carry the status for anyone who cannot tell them apart.
 */
export const RAG_COLOURS: Readonly<Record<RagOrNoData, string>> = {
  green: '#1e7b34',
  amber: '#b86e00',
  red: '#c0262d',
  'no-data': '#5f6670',
};

export const GREY = {
  rule: '#c9ced6',
  band: '#f2f4f7',
  muted: '#555d69',
  gridline: '#e1e4e9',
} as const;
