import { crawlEveryPageOf } from './crawl';

crawlEveryPageOf('safer.wealden@demo.scs.test');
