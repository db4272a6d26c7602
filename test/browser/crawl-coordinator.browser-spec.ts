import { crawlEveryPageOf } from './crawl';

crawlEveryPageOf('coordinator@demo.scs.test');
