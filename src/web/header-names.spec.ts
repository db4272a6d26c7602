import { headerNames } from './header-names';
import { cy } from './i18n/cy';
import { en } from './i18n/en';

const defaults = { SERVICE_NAME: 'Track your community strategy', ORGANISATION_NAME: 'Local Strategic Partnership' };

describe('headerNames', () => {
  it('gives the default names in the page’s language', () => {
    expect(headerNames(defaults, 'en', en)).toEqual({ serviceName: 'Track your community strategy', organisationName: 'Local Strategic Partnership' });
    expect(headerNames(defaults, 'cy', cy)).toEqual({ serviceName: 'Olrhain eich strategaeth gymunedol', organisationName: 'Partneriaeth Strategol Leol' });
  });

  it('uses a configured Welsh name on Welsh pages only', () => {
    const env = { SERVICE_NAME: 'Gwynedd performance', ORGANISATION_NAME: 'Gwynedd LSP', SERVICE_NAME_CY: 'Perfformiad Gwynedd', ORGANISATION_NAME_CY: 'PSL Gwynedd' };
    expect(headerNames(env, 'cy', cy)).toEqual({ serviceName: 'Perfformiad Gwynedd', organisationName: 'PSL Gwynedd' });
    expect(headerNames(env, 'en', en)).toEqual({ serviceName: 'Gwynedd performance', organisationName: 'Gwynedd LSP' });
  });

  it('keeps a name set only in English as set, rather than the Welsh default', () => {
    const env = { SERVICE_NAME: 'Wealden figures', ORGANISATION_NAME: 'Local Strategic Partnership' };
    expect(headerNames(env, 'cy', cy)).toEqual({ serviceName: 'Wealden figures', organisationName: 'Partneriaeth Strategol Leol' });
  });
});
