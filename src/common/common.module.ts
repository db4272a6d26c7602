import { Global, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';

/** Side effects every module may need, behind injectable classes so tests can pin them. */
@Global()
@Module({
  providers: [{ provide: Clock, useClass: SystemClock }],
  exports: [Clock],
})
export class CommonModule {}
