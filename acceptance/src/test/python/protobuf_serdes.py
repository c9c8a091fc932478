"""The ProtobufSerializer and ProtobufDeserializer of python3-confluent-kafka 1.7 with a message
that imports a well-known type (google/protobuf/timestamp.proto). The serializer registers the
import as a reference subject named after the file and then the main schema, both as base64
FileDescriptorProtos (API.md section 9); the registry keeps them as .proto text, links them by the
reference, serves them back with format=serialized, and refuses to delete what is referenced.

The message class is built from a FileDescriptorProto at run time (no protoc): an order with a
Timestamp, a nested message, an enum, a map and a oneof, so the registry parses a descriptor
that has all of those.

    python3 protobuf_serdes.py REGISTRY_URL
"""

import base64
import struct
import sys
from urllib.parse import quote

from confluent_kafka.schema_registry import Schema, SchemaReference, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import MessageField, SerializationContext
from google.protobuf import descriptor_pb2, descriptor_pool, text_format, timestamp_pb2
from google.protobuf.message_factory import MessageFactory

from checks import check, equal, fail, get_json, raises
from wire import record_requests

url = sys.argv[1]
topic, subject = "orders", "orders-value"
timestamp_file = "google/protobuf/timestamp.proto"
F = descriptor_pb2.FieldDescriptorProto


def order_file():
    """stele/acceptance/order.proto, as protoc would describe it."""
    fdp = descriptor_pb2.FileDescriptorProto(
        name="stele/acceptance/order.proto", package="stele.acceptance", syntax="proto3",
        dependency=[timestamp_file])
    order = fdp.message_type.add(name="Order")
    order.field.add(name="id", number=1, label=F.LABEL_OPTIONAL, type=F.TYPE_STRING)
    order.field.add(name="created", number=2, label=F.LABEL_OPTIONAL, type=F.TYPE_MESSAGE,
                    type_name=".google.protobuf.Timestamp")
    order.field.add(name="status", number=3, label=F.LABEL_OPTIONAL, type=F.TYPE_ENUM,
                    type_name=".stele.acceptance.Order.Status")
    order.field.add(name="lines", number=4, label=F.LABEL_REPEATED, type=F.TYPE_MESSAGE,
                    type_name=".stele.acceptance.Order.Line")
    order.field.add(name="attributes", number=5, label=F.LABEL_REPEATED, type=F.TYPE_MESSAGE,
                    type_name=".stele.acceptance.Order.AttributesEntry")
    order.field.add(name="card", number=6, label=F.LABEL_OPTIONAL, type=F.TYPE_STRING,
                    oneof_index=0)
    order.field.add(name="voucher", number=7, label=F.LABEL_OPTIONAL, type=F.TYPE_STRING,
                    oneof_index=0)
    order.oneof_decl.add(name="payment")
    line = order.nested_type.add(name="Line")
    line.field.add(name="sku", number=1, label=F.LABEL_OPTIONAL, type=F.TYPE_STRING)
    line.field.add(name="quantity", number=2, label=F.LABEL_OPTIONAL, type=F.TYPE_INT32)
    entry = order.nested_type.add(name="AttributesEntry")
    entry.options.map_entry = True
    entry.field.add(name="key", number=1, label=F.LABEL_OPTIONAL, type=F.TYPE_STRING)
    entry.field.add(name="value", number=2, label=F.LABEL_OPTIONAL, type=F.TYPE_STRING)
    status = order.enum_type.add(name="Status")
    for number, name in enumerate(["NEW", "PAID", "SHIPPED"]):
        status.value.add(name=name, number=number)
    return fdp


def message_class(pool, full_name):
    descriptor = pool.FindMessageTypeByName(full_name)
    return MessageFactory(pool).GetPrototype(descriptor)


def one_line(message):
    return text_format.MessageToString(message, as_one_line=True)


def client():
    return SchemaRegistryClient({"url": url})


def sample_order(order_type):
    order = order_type(id="o-1", status=1, card="4111")
    order.created.FromSeconds(1_700_000_000)
    order.lines.add(sku="apple", quantity=3)
    order.lines.add(sku="pear", quantity=1)
    order.attributes["channel"] = "web"
    return order


def subject_path(name):
    return "/subjects/" + quote(name, safe="")


ORDER_FDP = order_file()
pool = descriptor_pool.Default()
pool.AddSerializedFile(ORDER_FDP.SerializeToString())
Order = message_class(pool, "stele.acceptance.Order")
ctx = SerializationContext(topic, MessageField.VALUE)
order = sample_order(Order)

# Serialize: the client registers timestamp.proto, looks it up, then registers the main schema.
registering = client()
sent = record_requests(registering)
message = ProtobufSerializer(Order, registering)(order, ctx)
print("requests:", sent, flush=True)
equal([(s.method, s.path, s.status) for s in sent], [
    ("POST", f"/subjects/{timestamp_file}/versions", 200),
    ("POST", f"/subjects/{timestamp_file}", 200),
    ("POST", f"/subjects/{subject}/versions", 200)], "what the serializer sent")
equal(sent[0].raw_path, "/subjects/google%2Fprotobuf%2Ftimestamp.proto/versions",
      "the reference subject is URL-encoded")
equal(sent[0].body["schemaType"], "PROTOBUF", "the reference's schemaType")
equal(base64.b64decode(sent[0].body["schema"]), timestamp_pb2.DESCRIPTOR.serialized_pb,
      "the reference is sent as timestamp.proto's base64 FileDescriptorProto")
equal(sent[0].body["references"], [], "the reference has no references")
main = sent[2].body
equal(main["references"], [{"name": timestamp_file, "subject": timestamp_file, "version": 1}],
      "the main schema's references")
equal(one_line(descriptor_pb2.FileDescriptorProto.FromString(base64.b64decode(main["schema"]))),
      one_line(ORDER_FDP), "the main schema is sent as the order's base64 FileDescriptorProto")

# The wire format: magic byte, schema id, message index [0] (a single 0), the protobuf bytes.
magic, schema_id = struct.unpack(">bI", message[:5])
equal((magic, message[5:6]), (0, b"\x00"), "magic byte and message index")
equal(one_line(Order.FromString(message[6:])), one_line(order),
      "the payload is the message's protobuf bytes")

# The registry afterwards: both subjects, the reference, .proto text, referencedby.
mine = [s for s in get_json(url, "/subjects") if s.startswith(("google/", "orders"))]
equal(mine, [timestamp_file, subject], "subjects")
ref_version = get_json(url, subject_path(timestamp_file) + "/versions/1")
equal((ref_version["schemaType"], ref_version.get("references", [])), ("PROTOBUF", []),
      "the reference subject's version 1")
ref_text = ref_version["schema"]
check("message Timestamp {" in ref_text and "int64 seconds = 1;" in ref_text,
      "the reference is kept as .proto text: " + ref_text)
version = get_json(url, subject_path(subject) + "/versions/1")
equal((version["id"], version["schemaType"], version["references"]),
      (schema_id, "PROTOBUF", main["references"]), "orders-value version 1")
text = version["schema"]
print("the registered .proto text:\n" + text, flush=True)
# Confluent prints a descriptor's type names as they are in it (with a leading dot) and keeps a
# map field as its entry message: only what any faithful printing has is checked here.
for fragment in ['syntax = "proto3";', "package stele.acceptance;",
                 'import "google/protobuf/timestamp.proto";', "message Order {",
                 "google.protobuf.Timestamp created = 2;", "attributes = 5;",
                 "oneof payment {", "message Line {", "enum Status {"]:
    check(fragment in text, f"the .proto text has {fragment!r}")
# The text and the descriptor are one schema: looking the text up finds the same version.
found = client().lookup_schema(subject, Schema(text, "PROTOBUF", [
    SchemaReference(timestamp_file, timestamp_file, 1)]))
equal((found.schema_id, found.version), (schema_id, 1), "looking up the registered .proto text")
equal(get_json(url, subject_path(timestamp_file) + "/versions/1/referencedby"), [schema_id],
      "referencedby of timestamp.proto")

# format=serialized gives a FileDescriptorProto back that describes the same message: a consumer
# that knows no .proto decodes the payload with it (as the JS deserializer does).
serialized = get_json(url, f"/schemas/ids/{schema_id}?format=serialized")
equal((serialized["schemaType"], serialized["references"]), ("PROTOBUF", main["references"]),
      "GET /schemas/ids/{id}?format=serialized type and references")
served = descriptor_pb2.FileDescriptorProto.FromString(base64.b64decode(serialized["schema"]))
equal((served.package, list(served.dependency), served.syntax),
      ("stele.acceptance", [timestamp_file], "proto3"), "the served descriptor's file")
equal(served.message_type[0].name, "Order", "the served descriptor's first message")
served_ref = get_json(url, f"/schemas/ids/{ref_version['id']}?format=serialized")
ref_fdp = descriptor_pb2.FileDescriptorProto.FromString(base64.b64decode(served_ref["schema"]))
ref_fdp.name = timestamp_file  # a consumer names each reference's file after the reference
equal([m.name for m in ref_fdp.message_type], ["Timestamp"], "the served reference descriptor")
reader_pool = descriptor_pool.DescriptorPool()
reader_pool.AddSerializedFile(ref_fdp.SerializeToString())
reader_pool.AddSerializedFile(served.SerializeToString())
Served = message_class(reader_pool, "stele.acceptance.Order")
decoded = Served.FromString(message[6:])
equal(one_line(decoded), one_line(order),
      "the served descriptor decodes the payload to the same message")
equal((decoded.created.seconds, decoded.lines[0].sku, decoded.attributes["channel"],
       decoded.WhichOneof("payment")), (1_700_000_000, "apple", "web", "card"),
      "decoded fields")

# The deserializer reads back what was written.
equal(one_line(ProtobufDeserializer(Order)(message, ctx)), one_line(order),
      "ProtobufDeserializer reads it back")

# A second producer: the same ids, no new versions; without auto-registration the lookups of the
# base64 descriptors find the versions registered before.
again = ProtobufSerializer(Order, client())(order, ctx)
equal(struct.unpack(">bI", again[:5])[1], schema_id, "a second serializer gets the same id")
lookup = ProtobufSerializer(Order, client(), conf={"auto.register.schemas": False})
equal(struct.unpack(">bI", lookup(order, ctx)[:5])[1], schema_id,
      "without auto-registration the lookup finds the same id")
equal(get_json(url, subject_path(subject) + "/versions"), [1], "orders-value versions")
equal(get_json(url, subject_path(timestamp_file) + "/versions"), [1], "timestamp.proto versions")

# A referenced version cannot be deleted while orders-value uses it.
exc = raises(lambda: client().delete_version(timestamp_file, 1), "deleting the referenced version")
if not isinstance(exc, SchemaRegistryError):
    fail(f"deleting the referenced version: expected SchemaRegistryError, got {exc!r}")
equal((exc.http_status_code, exc.error_code), (422, 42206), "deleting the referenced version")

print("protobuf_serdes: all checks passed")
