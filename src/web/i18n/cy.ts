/**
 * The Welsh words of the web pages. Where an entry is missing the English one is used, so the
 * officer's journey is covered first.
 */
export const cy = {
  period: {
    months: ['Ionawr', 'Chwefror', 'Mawrth', 'Ebrill', 'Mai', 'Mehefin', 'Gorffennaf', 'Awst', 'Medi', 'Hydref', 'Tachwedd', 'Rhagfyr'],
    to: 'i',
  },
};
