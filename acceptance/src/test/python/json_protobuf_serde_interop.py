"""Stele's Java JSON Schema and Protobuf serdes against python3-confluent-kafka 1.7's
JSONSerializer/JSONDeserializer and ProtobufSerializer/ProtobufDeserializer, through a real
Kafka broker. The Protobuf message is google.protobuf.Type, whose file imports any.proto and
source_context.proto, so the imports travel as references. Run by JavaJsonProtobufSerdeAcceptanceTest:

    python3 json_protobuf_serde_interop.py produce REGISTRY_URL BOOTSTRAP PREFIX
        writes two JSON and two Protobuf records to PREFIX-json and PREFIX-proto.
    python3 json_protobuf_serde_interop.py consume REGISTRY_URL BOOTSTRAP PREFIX
        reads the records the Java serializers wrote to PREFIX-json, PREFIX-proto (imports as
        references) and PREFIX-proto-known (skip.known.types: no references).
"""

import json
import struct
import sys

from confluent_kafka import DeserializingConsumer, SerializingProducer
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
from confluent_kafka.schema_registry.protobuf import ProtobufDeserializer, ProtobufSerializer
from confluent_kafka.serialization import StringDeserializer, StringSerializer
from google.protobuf import source_context_pb2, type_pb2

from checks import equal, poll

mode, url, bootstrap, prefix = sys.argv[1:5]

# The same text JavaJsonProtobufSerdeAcceptanceTest configures as json.schema.
JSON_SCHEMA = json.dumps({
    "$schema": "http://json-schema.org/draft-07/schema#", "title": "Shipment", "type": "object",
    "properties": {"id": {"type": "integer", "minimum": 1}, "dest": {"type": "string"},
                   "items": {"type": "array", "items": {"type": "string"}}},
    "required": ["id", "dest"]}, separators=(",", ":"))
JSON_RECORDS = [{"id": 1, "dest": "Oslo", "items": ["a", "b"]}, {"id": 2, "dest": "Lima \u00f1", "items": []}]


def types():
    first = type_pb2.Type(name="acme.Order", source_context=source_context_pb2.SourceContext(file_name="o.proto"))
    first.fields.add(name="id", number=1, kind=type_pb2.Field.TYPE_INT64)
    second = type_pb2.Type(name="acme.Empty", syntax=type_pb2.SYNTAX_PROTO3)
    return [first, second]


def produce():
    registry = SchemaRegistryClient({"url": url})
    for topic, serializer, records in [
            (prefix + "-json", JSONSerializer(JSON_SCHEMA, registry), JSON_RECORDS),
            (prefix + "-proto", ProtobufSerializer(type_pb2.Type, registry), types())]:
        producer = SerializingProducer({"bootstrap.servers": bootstrap, "key.serializer": StringSerializer("utf_8"),
                                        "value.serializer": serializer})
        for i, record in enumerate(records):
            producer.produce(topic=topic, key=f"k{i}", value=record)
        equal(producer.flush(60), 0, f"messages left unsent to {topic}")


def read(topic, deserializer, count):
    consumer = DeserializingConsumer({
        "bootstrap.servers": bootstrap, "group.id": "py-" + topic, "auto.offset.reset": "earliest",
        "key.deserializer": StringDeserializer("utf_8"), "value.deserializer": deserializer})
    consumer.subscribe([topic])
    values = [message.value() for message in poll(consumer, count, 600)]
    consumer.close()
    equal(len(values), count, f"records read from {topic}")
    return values


def consume():
    equal(read(prefix + "-json", JSONDeserializer(JSON_SCHEMA), 2), JSON_RECORDS,
          "JSONDeserializer reads what the Java serializer wrote")
    equal(read(prefix + "-proto", ProtobufDeserializer(type_pb2.Type), 2), types(),
          "ProtobufDeserializer reads what the Java serializer wrote")
    registry = SchemaRegistryClient({"url": url})
    refs = registry.get_latest_version(prefix + "-proto-value").schema.references
    equal(sorted((r["name"], r["subject"]) for r in refs),  # 1.7 keeps them as dicts
          [("google/protobuf/any.proto", "google/protobuf/any.proto"),
           ("google/protobuf/source_context.proto", "google/protobuf/source_context.proto")],
          "the Java serializer registered the imports as references")
    equal(read(prefix + "-proto-known", ProtobufDeserializer(type_pb2.Type), 2), types(),
          "ProtobufDeserializer reads what the Java serializer wrote skipping known imports")
    equal(registry.get_latest_version(prefix + "-proto-known-value").schema.references, [],
          "with skip.known.types the Java serializer referenced no import")


{"produce": produce, "consume": consume}[mode]()
print(f"json_protobuf_serde_interop {mode}: all checks passed", flush=True)
