// Loaded first by cucumber (see cucumber.mjs): registers tsx so the TypeScript support code and
// step definitions load as ES modules.
import { register } from 'tsx/esm/api';

register();
