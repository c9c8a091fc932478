'use strict';
// npm's @confluentinc/schemaregistry JSON serdes against Stele, samples item 4 the JS way: the
// sample's user.schema.json registered and used with useLatestVersion, a favorite_number of 0
// refused by the client's validation (exclusiveMinimum), the deserializer reading back what was
// written (it fetches the writer's schema by id), and auto-registration of the schema the
// serializer derives from a message. The client goes through the associations lookup first, as
// the serdes' default subject strategy does, and falls back to <topic>-value on Stele's 404.
//
//     node json_serdes.js REGISTRY_URL SAMPLES_DIR

const fs = require('node:fs');
const path = require('node:path');
const {
  JsonDeserializer, JsonSerializer, SchemaRegistryClient, SerdeType,
} = require('@confluentinc/schemaregistry');
const { equal, getJson, rejects, run } = require('./checks');

const [url, samples] = process.argv.slice(2);
const schemaStr = fs.readFileSync(path.join(samples, 'user.schema.json'), 'utf8');
const topic = 'js_topic';
const subject = 'js_topic-value';
const user = { name: 'Peter', favorite_number: 7, favorite_color: 'blue' };

function client() {
  // basic auth as the sample configures it: Stele has no authentication yet and ignores it.
  return new SchemaRegistryClient({
    baseURLs: [url],
    basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo: 'key:secret' },
  });
}

function schemaId(bytes) {
  equal(bytes[0], 0, 'magic byte');
  return bytes.readInt32BE(1);
}

run('json_serdes', async () => {
  const id1 = await client().register(subject, { schemaType: 'JSON', schema: schemaStr });
  const v1 = await getJson(url, `/subjects/${subject}/versions/1`);
  equal([v1.id, v1.schemaType, JSON.parse(v1.schema)], [id1, 'JSON', JSON.parse(schemaStr)],
    'the sample schema registered as JSON Schema');

  const serializer = new JsonSerializer(client(), SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestVersion: true, validate: true });
  const bytes = await serializer.serialize(topic, user);
  equal(schemaId(bytes), id1, 'useLatestVersion writes version 1\'s id');
  equal(JSON.parse(bytes.subarray(5).toString('utf8')), user, 'the payload is the value as JSON');

  const bad = await rejects(() => serializer.serialize(topic, { ...user, favorite_number: 0 }),
    'serializing favorite_number 0');
  equal([bad.constructor.name, /exclusiveMinimum/.test(bad.message)], ['SerializationError', true],
    'favorite_number 0 fails exclusiveMinimum on the client');

  const deserializer = new JsonDeserializer(client(), SerdeType.VALUE, { validate: true });
  equal(await deserializer.deserialize(topic, bytes), user, 'JsonDeserializer reads it back');

  // A second version (favorite_color optional, backward compatible): useLatestVersion follows.
  const evolved = JSON.parse(schemaStr);
  evolved.required = ['name', 'favorite_number'];
  const id2 = await client().register(subject,
    { schemaType: 'JSON', schema: JSON.stringify(evolved) });
  equal(await getJson(url, `/subjects/${subject}/versions`), [1, 2], 'versions after v2');
  const latest = new JsonSerializer(client(), SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestVersion: true, validate: true });
  const colourless = { name: 'Peter', favorite_number: 7 };
  const bytes2 = await latest.serialize(topic, colourless);
  equal(schemaId(bytes2), id2, 'useLatestVersion now writes version 2\'s id');
  equal(await deserializer.deserialize(topic, bytes2), colourless,
    'the deserializer reads v2 data');
  equal(await deserializer.deserialize(topic, bytes), user, 'and still v1 data');

  // autoRegisterSchemas: the serializer derives a schema from the message and registers it.
  const auto = new JsonSerializer(client(), SerdeType.VALUE, { autoRegisterSchemas: true });
  const autoBytes = await auto.serialize('js_auto', { sku: 'apple', quantity: 3 });
  const autoVersion = await getJson(url, '/subjects/js_auto-value/versions/1');
  equal([autoVersion.schemaType, schemaId(autoBytes)], ['JSON', autoVersion.id],
    'auto-registration of the derived schema under js_auto-value');
  equal(await deserializer.deserialize('js_auto', autoBytes), { sku: 'apple', quantity: 3 },
    'the deserializer reads the auto-registered data');
});
