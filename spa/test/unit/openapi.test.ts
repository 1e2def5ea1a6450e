import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { SERVICES, builtFile, snapshotFile, typesFile, typesOf } from '../../scripts/openapi.mjs';

test.each(SERVICES as string[])('the committed API types of %s are what its OpenAPI snapshot generates', async (service) => {
  const committed = readFileSync(typesFile(service), 'utf8');
  expect(committed === await typesOf(service), `src/openapi/${service}.ts is stale: run npm run openapi:types`).toBe(true);
});

// In ./mvnw verify the services are built before the SPA, so a Java API change that nobody copied
// into the snapshot fails here; run alone, without the services built, there is nothing to compare.
test.each(SERVICES as string[])('the OpenAPI snapshot of %s is what the service built last', (service) => {
  if (!existsSync(builtFile(service))) return;
  const built = readFileSync(builtFile(service), 'utf8');
  expect(built === readFileSync(snapshotFile(service), 'utf8'),
    `openapi/${service}.json differs from ${service}/target/openapi/openapi.json: run npm run openapi`).toBe(true);
});
