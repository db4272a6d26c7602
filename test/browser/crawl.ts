import { axeViolations, signIn, useWeb } from './browser';

/** Pages per role at most. */
const MAX_PAGES = 80;
/**
 * Pages of one shape (the path with ids and quarters taken out, plus the query's names) at most:
 * the 42 target pages share one template, so the first few of each shape stand for the rest and
 * the crawl stays within a few minutes.
 */
const PER_SHAPE = 3;
/** Not pages: requested (never a 5xx) but neither opened nor checked with axe. */
const DOWNLOAD = /\.(pdf|csv|xlsx)(\?|$)|\/your-returns\/template\/|\/download(\?|$)|\/board-packs\/quarterly\//;

function shapeOf(url: URL): string {
  const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id').replace(/\d{4}-\d{2}-Q[1-4]/g, ':period');
  return `${path}?${[...url.searchParams.keys()].sort().join('&')}`;
}

/**
 * Issue 12's acceptance: every page reachable by a demo role, 0 axe violations, no 5xx, no console
 * errors. One spec file per role (crawl-*.browser-spec.ts), so that Jest's workers share the
 * crawls out rather than one worker walking all four.
 */
export function crawlEveryPageOf(email: string): void {
  jest.setTimeout(600_000);
  describe(`a crawl of every page ${email} can reach`, () => {
    const web = useWeb();

    it('breadth-first over every same-origin link, axe on each page', async () => {
      const { context, page, problems } = await web.open();
      await signIn(page, email);
      const start = new URL(page.url());
      const queue: string[] = [start.pathname + start.search];
      const seen = new Set(queue);
      const shapes = new Map<string, number>();
      const violations: string[] = [];
      const visited: string[] = [];
      while (queue.length && visited.length < MAX_PAGES) {
        const path = queue.shift()!;
        if (DOWNLOAD.test(path)) {
          const res = await context.request.get(path);
          if (res.status() >= 500) problems.push(`${res.status()} from ${path}`);
          continue;
        }
        const res = await page.goto(path);
        visited.push(path);
        if (!res || res.status() >= 500) problems.push(`${res?.status()} from ${path}`);
        for (const v of await axeViolations(page)) violations.push(`${path}: ${v}`);
        const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => (a as unknown as { href: string }).href));
        for (const href of hrefs) {
          const url = new URL(href, start);
          url.hash = '';
          if (url.origin !== start.origin || url.pathname.startsWith('/assets') || url.pathname.startsWith('/api') || url.pathname === '/sign-out') continue;
          const next = url.pathname + url.search;
          if (seen.has(next)) continue;
          seen.add(next);
          const shape = shapeOf(url);
          const count = shapes.get(shape) ?? 0;
          if (count >= PER_SHAPE && !DOWNLOAD.test(next)) continue;
          shapes.set(shape, count + 1);
          queue.push(next);
        }
      }
      expect(visited.length).toBeGreaterThan(3);
      expect({ email, violations, problems }).toEqual({ email, violations: [], problems: [] });
      await context.close();
    });
  });
}
