import { crawlEveryPageOf } from './crawl';

crawlEveryPageOf('viewer@demo.scs.test');
