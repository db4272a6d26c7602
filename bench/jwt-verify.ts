/**
 * Token checks: verifying with the HMAC secret as a string vs as a prepared KeyObject (issue 11, pt 1).
 * Both run in this one process, interleaved in rounds, so the figure quoted is the ratio of the two.
 *   npm run bench:jwt
 */
import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';

const SECRET = 'bench-secret-that-is-at-least-32-characters-long';
const ROUNDS = 7;
const PER_ROUND = 20_000;

const asString = new JwtService({ secret: SECRET, signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
const asKey = new JwtService({ secret: createSecretKey(Buffer.from(SECRET)), signOptions: { algorithm: 'HS256' }, verifyOptions: { algorithms: ['HS256'] } });
const token = asString.sign({ sub: 'b1c2', role: 'officer', ver: 0 });
if (asKey.verify(token).sub !== 'b1c2') throw new Error('the KeyObject service does not verify the string-signed token');

function perSecond(jwt: JwtService): number {
  const start = process.hrtime.bigint();
  for (let i = 0; i < PER_ROUND; i++) jwt.verify(token);
  return PER_ROUND / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const stringRates: number[] = [];
const keyRates: number[] = [];
perSecond(asString);
perSecond(asKey); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  stringRates.push(perSecond(asString));
  keyRates.push(perSecond(asKey));
}
const s = median(stringRates);
const k = median(keyRates);
console.log(`verify, secret as string:    ${Math.round(s)} /s (median of ${ROUNDS} rounds of ${PER_ROUND})`);
console.log(`verify, secret as KeyObject: ${Math.round(k)} /s`);
console.log(`ratio KeyObject / string: ${(k / s).toFixed(2)}`);
