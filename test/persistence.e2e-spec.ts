import { createTestApp, describeE2E } from './helpers/app';

describeE2E('persistence', () => {
  it('keeps data across a restart of the application', async () => {
    const first = await createTestApp();
    const created = (await first.api().post('/api/v1/partnerships').send({ name: 'Hastings & St Leonards LSP', kind: 'lsp' }).expect(201)).body;
    await first.close({ keepData: true });

    const second = await createTestApp();
    try {
      const res = await second.api().get(`/api/v1/partnerships/${created.id}`).expect(200);
      expect(res.body.name).toBe('Hastings & St Leonards LSP');
    } finally {
      await second.close();
    }
  });
});
