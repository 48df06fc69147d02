// The worker's key pool starts filling when the worker starts, so the first scenarios find their
// key pairs ready (support/actors/key-pool.ts).

import { BeforeAll } from '@cucumber/cucumber';
import { signingKeys } from './maskinporten-identity.ts';

BeforeAll(function () {
  signingKeys.start();
});
