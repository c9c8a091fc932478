"""Byte compatibility of Stele's Java Avro serdes with the legacy confluent_kafka.avro API of
Debian's python3-confluent-kafka, through a real Kafka broker. Two modes, run by
JavaAvroSerdeAcceptanceTest around its Java side:

    python3 avro_serde_interop.py produce REGISTRY_URL BOOTSTRAP TOPIC
        AvroProducer writes three records (string key, record value) for the Java deserializer.
    python3 avro_serde_interop.py consume REGISTRY_URL BOOTSTRAP TOPIC
        AvroConsumer reads the three records the Java serializer wrote, and the raw bytes are
        compared with what Python's MessageSerializer makes of the same values.
"""

import sys

from confluent_kafka import Consumer
from confluent_kafka import avro
from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient, MessageSerializer

from checks import equal, poll

mode, url, bootstrap, topic = sys.argv[1:5]

VALUE_SCHEMA = avro.loads("""
{"type": "record", "name": "Reading", "namespace": "acme.sensors",
 "fields": [{"name": "sensor", "type": "string"},
            {"name": "celsius", "type": "double"},
            {"name": "count", "type": "long"},
            {"name": "tags", "type": {"type": "array", "items": "string"}},
            {"name": "note", "type": ["null", "string"], "default": null}]}
""")
KEY_SCHEMA = avro.loads('"string"')
RECORDS = [
    ("k1", {"sensor": "s-1", "celsius": 21.5, "count": 1, "tags": ["a"], "note": None}),
    ("k2", {"sensor": "s-2", "celsius": -3.25, "count": 1 << 40, "tags": [], "note": "cold"}),
    ("k3", {"sensor": "s-\u00e9", "celsius": 0.0, "count": -7, "tags": ["x", "y"], "note": None}),
]


def produce():
    producer = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": url},
                            default_key_schema=KEY_SCHEMA, default_value_schema=VALUE_SCHEMA)
    for key, value in RECORDS:
        producer.produce(topic=topic, key=key, value=value)
    left = producer.flush(60)
    equal(left, 0, "messages left unsent after flush")


def poll_all(consumer, count):
    messages = poll(consumer, count, 600)
    if len(messages) < count:
        raise SystemExit(f"FAILED: only {len(messages)} of {count} messages arrived")
    return messages


def consume():
    config = {"bootstrap.servers": bootstrap, "group.id": "py-" + topic, "auto.offset.reset": "earliest"}
    consumer = AvroConsumer(dict(config, **{"schema.registry.url": url}))
    consumer.subscribe([topic])
    decoded = [(m.key(), m.value()) for m in poll_all(consumer, len(RECORDS))]
    consumer.close()
    equal(decoded, RECORDS, "AvroConsumer decodes what the Java serializer wrote")

    raw = Consumer(dict(config, **{"group.id": "raw-" + topic}))
    raw.subscribe([topic])
    messages = poll_all(raw, len(RECORDS))
    raw.close()
    serializer = MessageSerializer(CachedSchemaRegistryClient({"url": url}))
    for message, (key, value) in zip(messages, RECORDS):
        equal(message.value(), serializer.encode_record_with_schema(topic, VALUE_SCHEMA, value, is_key=False),
              f"Java's bytes for value of {key} equal MessageSerializer's")
        equal(message.key(), serializer.encode_record_with_schema(topic, KEY_SCHEMA, key, is_key=True),
              f"Java's bytes for key {key} equal MessageSerializer's")


{"produce": produce, "consume": consume}[mode]()
print(f"avro_serde_interop {mode}: all checks passed", flush=True)
