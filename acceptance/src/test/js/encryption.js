'use strict';
// npm's @confluentinc/schemaregistry encrypting and decrypting fields under a data contract that
// Stele holds, for JsEncryptionAcceptanceTest: its ENCRYPT and ENCRYPT_PAYLOAD executors and local
// KMS driver, with the
// DEKs in Stele's DEK registry. The Java side registers the schemas with their rules.
//
//     node encryption.js REGISTRY_URL SECRET write TOPIC NAME SSN      prints "bytes HEX"
//     node encryption.js REGISTRY_URL SECRET read TOPIC HEX NAME SSN   checks the decrypted record

const {
  AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType,
} = require('@confluentinc/schemaregistry');
const {
  EncryptionExecutor, FieldEncryptionExecutor,
} = require('@confluentinc/schemaregistry/dist/rules/encryption/encrypt-executor');
const { LocalKmsDriver } = require('@confluentinc/schemaregistry/dist/rules/encryption/localkms/local-driver');
const { equal, run } = require('./checks');

const [url, secret, mode, topic, ...rest] = process.argv.slice(2);

FieldEncryptionExecutor.register();
EncryptionExecutor.register();
LocalKmsDriver.register();

function client() {
  return new SchemaRegistryClient({ baseURLs: [url] });
}

run('encryption', async () => {
  const ruleConfig = { secret };
  if (mode === 'write') {
    const [name, ssn] = rest;
    const serializer = new AvroSerializer(client(), SerdeType.VALUE,
      { autoRegisterSchemas: false, useLatestVersion: true, ruleConfig });
    const bytes = await serializer.serialize(topic, { name, class: 5, ssn });
    console.log(`bytes ${bytes.toString('hex')}`);
  } else {
    const [hex, name, ssn] = rest;
    const deserializer = new AvroDeserializer(client(), SerdeType.VALUE, { ruleConfig });
    const student = await deserializer.deserialize(topic, Buffer.from(hex, 'hex'));
    equal([student.name, student.class, student.ssn], [name, 5, ssn],
      `AvroDeserializer decrypts what Stele encrypted (${topic})`);
  }
});
