import { HttpException } from '@nestjs/common';
import { ListTargetsQuery } from '../targets/dto/target.dto';
import { createValidationPipe } from './validation';

const query = (metatype: new () => object) => ({ type: 'query' as const, metatype });

describe('the validation pipe, remembering accepted queries', () => {
  it('gives the same query the same DTO each time, as a copy of its own', async () => {
    const pipe = createValidationPipe();
    const first = (await pipe.transform({ pageSize: '20', direction: 'increase' }, query(ListTargetsQuery))) as ListTargetsQuery;
    first.pageSize = 999;
    first.q = 'changed by a handler';
    const second = (await pipe.transform({ pageSize: '20', direction: 'increase' }, query(ListTargetsQuery))) as ListTargetsQuery;
    expect(second).toBeInstanceOf(ListTargetsQuery);
    expect(second).not.toBe(first);
    expect({ ...second }).toEqual({ page: 1, pageSize: 20, direction: 'increase' });
    second.pageSize = 7;
    const third = (await pipe.transform({ pageSize: '20', direction: 'increase' }, query(ListTargetsQuery))) as ListTargetsQuery;
    expect({ ...third }).toEqual({ page: 1, pageSize: 20, direction: 'increase' });
  });

  it('never answers one query with the DTO of another', async () => {
    const pipe = createValidationPipe();
    const values: Record<string, string>[] = [{ pageSize: '20' }, { pageSize: '30' }, { pageSize: '20', page: '2' }, { archived: 'true' }, {}];
    for (let round = 0; round < 2; round++) {
      const dtos = [];
      for (const value of values) dtos.push({ ...((await pipe.transform(value, query(ListTargetsQuery))) as object) });
      expect(dtos).toEqual([
        { page: 1, pageSize: 20 },
        { page: 1, pageSize: 30 },
        { page: 2, pageSize: 20 },
        { page: 1, pageSize: 50, archived: true },
        { page: 1, pageSize: 50 },
      ]);
    }
  });

  it('refuses a bad query every time with the same 400, after a good one was remembered', async () => {
    const pipe = createValidationPipe();
    await pipe.transform({ pageSize: '20' }, query(ListTargetsQuery));
    const refusals = [];
    for (let round = 0; round < 2; round++) {
      const error = await pipe.transform({ pageSize: '201', colour: 'red' }, query(ListTargetsQuery)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HttpException);
      expect((error as HttpException).getStatus()).toBe(400);
      refusals.push((error as HttpException).getResponse());
    }
    expect(refusals[1]).toEqual(refusals[0]);
    expect(JSON.stringify(refusals[0])).toMatch(/pageSize/);
    expect(JSON.stringify(refusals[0])).toMatch(/colour/);
  });
});
