import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SERVICES, typesFile, typesOf } from '../../scripts/openapi.mjs';

test.each(SERVICES as string[])('the committed API types of %s are what its OpenAPI snapshot generates', async (service) => {
  const committed = readFileSync(typesFile(service), 'utf8');
  expect(committed === await typesOf(service), `src/openapi/${service}.ts is stale: run npm run openapi:types`).toBe(true);
});
