'use strict';
// npm's @confluentinc/schemaregistry running a data contract that Stele holds, for
// JsDataContractsAcceptanceTest: the Student schema's CEL condition (class > 0) and its CEL_FIELD
// transform (mask the PII-tagged ssn), registered by the Java side. `write` serializes a good
// Student (printing the bytes as hex) and a bad one (printing the error); `read HEX` deserializes
// bytes that Stele's Java serializer wrote.
//
//     node data_contracts.js REGISTRY_URL write
//     node data_contracts.js REGISTRY_URL read HEX

const {
  AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType,
} = require('@confluentinc/schemaregistry');
const { CelExecutor } = require('@confluentinc/schemaregistry/dist/rules/cel/cel-executor');
const { CelFieldExecutor } = require('@confluentinc/schemaregistry/dist/rules/cel/cel-field-executor');
const { equal, rejects, run } = require('./checks');

const [url, mode, hex] = process.argv.slice(2);
const topic = 'interop_students';

CelExecutor.register();
CelFieldExecutor.register();

function client() {
  return new SchemaRegistryClient({ baseURLs: [url] });
}

run('data_contracts', async () => {
  if (mode === 'write') {
    const serializer = new AvroSerializer(client(), SerdeType.VALUE,
      { autoRegisterSchemas: false, useLatestVersion: true });
    // The transform rewrites the object it is given, as Confluent's Java serializer does.
    const bytes = await serializer.serialize(topic, { name: 'Ann', class: 3, ssn: '123-45-6789' });
    console.log(`bytes ${bytes.toString('hex')}`);
    const bad = await rejects(
      () => serializer.serialize(topic, { name: 'Bob', class: 0, ssn: '987-65-4321' }),
      'serializing class 0');
    equal([bad.constructor.name, bad.message], ['SerializationError',
      "rule checkClass failed: Expr failed: 'message.class > 0'"], 'the condition refuses class 0');
  } else {
    const deserializer = new AvroDeserializer(client(), SerdeType.VALUE, {});
    const student = await deserializer.deserialize(topic, Buffer.from(hex, 'hex'));
    equal([student.name, student.class, student.ssn], ['Cid', 4, 'XXX-XX-1111'],
      'AvroDeserializer reads what Stele wrote, masked by Stele');
  }
});
