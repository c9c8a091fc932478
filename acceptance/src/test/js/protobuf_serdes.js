'use strict';
// npm's @confluentinc/schemaregistry Protobuf serdes against Stele, with a message that imports a
// well-known type (google/protobuf/timestamp.proto). The message types are built at run time from
// a FileDescriptorProto (no protoc, no generated code). The serializer registers the file as a
// base64 FileDescriptorProto; this client version treats google/protobuf/* as built in and sends
// no reference for them, so the registry must resolve the import itself. The deserializer fetches
// the writer's schema with format=serialized and decodes with it.
//
//     node protobuf_serdes.js REGISTRY_URL

const {
  create, createFileRegistry, createMutableRegistry, fromBinary,
} = require('@bufbuild/protobuf');
const {
  FieldDescriptorProto_Label: Label, FieldDescriptorProto_Type: Type, FileDescriptorProtoSchema,
  file_google_protobuf_timestamp: timestampFile,
} = require('@bufbuild/protobuf/wkt');
const {
  ProtobufDeserializer, ProtobufSerializer, SchemaRegistryClient, SerdeType,
} = require('@confluentinc/schemaregistry');
const { check, equal, getJson, run } = require('./checks');

const url = process.argv[2];
const topic = 'js_orders';
const subject = 'js_orders-value';
const TIMESTAMP = 'google/protobuf/timestamp.proto';

function field(name, number, type, extra = {}) {
  return { name, number, type, label: Label.OPTIONAL, ...extra };
}

/** stele/acceptance/js_order.proto: Order (with a Timestamp, a nested Line, an enum) and Refund. */
const orderProto = create(FileDescriptorProtoSchema, {
  name: 'stele/acceptance/js_order.proto',
  package: 'stele.acceptance.js',
  syntax: 'proto3',
  dependency: [TIMESTAMP],
  messageType: [{
    name: 'Order',
    field: [
      field('id', 1, Type.STRING),
      field('created', 2, Type.MESSAGE, { typeName: '.google.protobuf.Timestamp' }),
      field('status', 3, Type.ENUM, { typeName: '.stele.acceptance.js.Order.Status' }),
      field('lines', 4, Type.MESSAGE,
        { typeName: '.stele.acceptance.js.Order.Line', label: Label.REPEATED }),
    ],
    nestedType: [{
      name: 'Line',
      field: [field('sku', 1, Type.STRING), field('quantity', 2, Type.INT32)],
    }],
    enumType: [{
      name: 'Status',
      value: [{ name: 'NEW', number: 0 }, { name: 'PAID', number: 1 }],
    }],
  }, {
    name: 'Refund',
    field: [field('order_id', 1, Type.STRING), field('cents', 2, Type.INT64)],
  }],
});
const files = createFileRegistry(orderProto,
  (name) => (name === TIMESTAMP ? timestampFile : undefined));
const Order = files.getMessage('stele.acceptance.js.Order');
const Refund = files.getMessage('stele.acceptance.js.Refund');
const types = createMutableRegistry(Order, Refund);

function client() {
  return new SchemaRegistryClient({ baseURLs: [url] });
}

function order() {
  return create(Order, {
    id: 'o-1',
    created: { seconds: 1700000000n, nanos: 5 },
    status: 1,
    lines: [{ sku: 'apple', quantity: 3 }, { sku: 'pear', quantity: 1 }],
  });
}

function plain(message) {
  const bigintsAsText = (key, value) => (typeof value === 'bigint' ? String(value) : value);
  return JSON.parse(JSON.stringify(message, bigintsAsText));
}

run('protobuf_serdes', async () => {
  const serializer = new ProtobufSerializer(client(), SerdeType.VALUE,
    { autoRegisterSchemas: true, registry: types });
  const bytes = await serializer.serialize(topic, order());
  equal([bytes[0], bytes[5]], [0, 0], 'magic byte and message index [0]');
  const id = bytes.readInt32BE(1);

  // What the registry has: one subject, no reference for the well-known import, .proto text.
  const subjects = await getJson(url, '/subjects');
  equal(subjects.filter((s) => s.startsWith('js_orders') || s.startsWith('google/')), [subject],
    'subjects after the first serialize');
  const version = await getJson(url, `/subjects/${subject}/versions/1`);
  equal([version.id, version.schemaType, version.references || []], [id, 'PROTOBUF', []],
    'js_orders-value version 1');
  for (const fragment of ['import "google/protobuf/timestamp.proto";',
    'package stele.acceptance.js;', 'message Order {', 'google.protobuf.Timestamp created = 2;',
    'message Refund {']) {
    check(version.schema.includes(fragment), `the .proto text has ${fragment}: ${version.schema}`);
  }
  const served = await getJson(url, `/schemas/ids/${id}?format=serialized`);
  const descriptor = fromBinary(FileDescriptorProtoSchema, Buffer.from(served.schema, 'base64'));
  equal([descriptor.package, descriptor.dependency, descriptor.messageType.map((m) => m.name)],
    ['stele.acceptance.js', [TIMESTAMP], ['Order', 'Refund']], 'the format=serialized descriptor');

  // The deserializer fetches the serialized schema by id and decodes with it.
  const deserializer = new ProtobufDeserializer(client(), SerdeType.VALUE, {});
  const read = await deserializer.deserialize(topic, bytes);
  equal([read.$typeName, plain(read)], ['stele.acceptance.js.Order', plain(order())],
    'ProtobufDeserializer reads the order back');

  // The second top-level message: message index [1], zig-zag encoded (0x02 0x02).
  const refund = create(Refund, { orderId: 'o-1', cents: 250n });
  const refundBytes = await serializer.serialize(topic, refund);
  equal([refundBytes.readInt32BE(1), refundBytes.subarray(5, 7)], [id, Buffer.from([2, 2])],
    'a Refund has the same id and message index [1]');
  const readRefund = await new ProtobufDeserializer(client(), SerdeType.VALUE, {})
    .deserialize(topic, refundBytes);
  equal([readRefund.$typeName, plain(readRefund)], ['stele.acceptance.js.Refund', plain(refund)],
    'ProtobufDeserializer reads the refund back');

  // Without auto-registration: the lookup of the same descriptor, then the latest version.
  const lookup = new ProtobufSerializer(client(), SerdeType.VALUE,
    { autoRegisterSchemas: false, registry: types });
  equal((await lookup.serialize(topic, order())).readInt32BE(1), id,
    'the lookup finds the same id');
  const latest = new ProtobufSerializer(client(), SerdeType.VALUE,
    { autoRegisterSchemas: false, useLatestVersion: true, registry: types });
  equal((await latest.serialize(topic, order())).readInt32BE(1), id,
    'useLatestVersion gets the same id');
  equal(await getJson(url, `/subjects/${subject}/versions`), [1], 'still one version');
});
