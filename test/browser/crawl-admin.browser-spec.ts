import { crawlEveryPageOf } from './crawl';

crawlEveryPageOf('admin@demo.scs.test');
