"""Samples items 2 and 3 as the README tells them: the legacy confluent_kafka.avro AvroProducer and
AvroConsumer of Debian's python3-confluent-kafka, through a real Kafka broker and a Stele server
that itself runs on Kafka. avro_evolution.py and backward_walkthrough.py check the same steps on
the serializer alone; here the records travel through the topic and the consumers' groups.

    python3 avro_kafka_samples.py evolution REGISTRY_URL BOOTSTRAP SAMPLES_DIR
        item 2: topic peter-avro2, student-v1 then student-v2-names.
    python3 avro_kafka_samples.py backward REGISTRY_URL BOOTSTRAP SAMPLES_DIR
        item 3, on a server started with schema.compatibility.level=backward: topic peter-avro3,
        student-v1 then student-v2-age; changes the levels forbid are refused.

The topics must exist (one partition): the test's broker does not create topics on first use.
"""

import json
import os
import struct
import sys

from confluent_kafka import Consumer, avro
from confluent_kafka.avro import AvroConsumer, AvroProducer, CachedSchemaRegistryClient, ClientError

from checks import equal, get_json, in_reader_order, poll, raises

mode, url, bootstrap, samples = sys.argv[1:5]
v1 = avro.load(os.path.join(samples, "student-v1.avsc"))


def produce(topic, schema, value):
    producer = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": url},
                            default_value_schema=schema)
    producer.produce(topic=topic, value=value)
    equal(producer.flush(60), 0, f"messages left unsent to {topic}")


def consume(topic, group, reader, count):
    """An AvroConsumer in a new group from the earliest offset; prints each value as the sample
    does and returns the messages. Polls for at most 2 minutes (a hang guard, not a target)."""
    consumer = AvroConsumer({"bootstrap.servers": bootstrap, "schema.registry.url": url,
                             "group.id": group, "auto.offset.reset": "earliest"},
                            reader_value_schema=reader)
    consumer.subscribe([topic])
    messages = poll(consumer, count, 240,
                    lambda message: print(in_reader_order(message.value(), reader), flush=True))
    consumer.close()
    equal(len(messages), count, f"messages read from {topic} by {group}")
    return messages


def ids_in(topic, count):
    """The schema ids at the front of the raw messages, read with a plain consumer."""
    raw = Consumer({"bootstrap.servers": bootstrap, "group.id": "raw-" + topic,
                    "auto.offset.reset": "earliest"})
    raw.subscribe([topic])
    ids = []
    for message in poll(raw, count, 240):
        magic, ident = struct.unpack(">bI", message.value()[:5])
        equal(magic, 0, "magic byte")
        ids.append(ident)
    raw.close()
    return ids


def version_ids(subject):
    return [get_json(url, f"/subjects/{subject}/versions/{v}")["id"]
            for v in get_json(url, f"/subjects/{subject}/versions")]


def evolution():
    topic, subject = "peter-avro2", "peter-avro2-value"
    v2 = avro.load(os.path.join(samples, "student-v2-names.avsc"))
    produce(topic, v1, {"name": "Peter", "class": 1})
    equal(get_json(url, f"/subjects/{subject}/versions"), [1], "versions after the v1 producer")
    print("v1 consumer (python-groupid01):", flush=True)
    consume(topic, "python-groupid01", v1, 1)

    produce(topic, v2, {"first_name": "Peter", "last_name": "Parker", "class": 1})
    equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions after the v2 producer")
    print("v2 consumer (python-groupid02):", flush=True)
    consume(topic, "python-groupid02", v2, 2)
    equal(ids_in(topic, 2), version_ids(subject), "ids in the messages are versions 1 and 2")


def refused(schema, subject, what):
    client = CachedSchemaRegistryClient({"url": url})
    exc = raises(lambda: client.register(subject, schema), what)
    equal(isinstance(exc, ClientError) and "Incompatible Avro schema:409" in str(exc), True,
          what + " is refused with 409")


def backward():
    topic, subject = "peter-avro3", "peter-avro3-value"
    v2 = avro.load(os.path.join(samples, "student-v2-age.avsc"))
    equal(get_json(url, "/config"), {"compatibilityLevel": "BACKWARD"}, "the server's level")
    produce(topic, v1, {"name": "Peter", "class": 1})
    produce(topic, v2, {"name": "Peter", "class": 1, "age": 20})
    equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions")
    print("v2 consumer:", flush=True)
    consume(topic, "python-groupid03", v2, 2)
    equal(ids_in(topic, 2), version_ids(subject), "ids in the messages are versions 1 and 2")

    # Adding a field without a default: a reader with it could not read the older records.
    schema = json.loads(str(v2))
    schema["fields"].append({"name": "grade", "type": "int"})
    refused(avro.loads(json.dumps(schema)), subject, "adding a field without default under BACKWARD")
    equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions after the refusal")

    # Removing a field without a default: FORWARD forbids it (old readers need the field),
    # BACKWARD allows it.
    strict = "peter-avro3-strict-value"
    base = {"type": "record", "name": "Student", "namespace": "student.avro", "fields": [
        {"name": "name", "type": "string"}, {"name": "class", "type": "int"}]}
    without_name = dict(base, fields=[{"name": "class", "type": "int"}])
    client = CachedSchemaRegistryClient({"url": url})
    client.register(strict, avro.loads(json.dumps(base)))
    client.update_compatibility("FORWARD", strict)
    refused(avro.loads(json.dumps(without_name)), strict,
            "removing a field without default under FORWARD")
    client.update_compatibility("BACKWARD", strict)
    equal(client.register(strict, avro.loads(json.dumps(without_name))) > 0, True,
          "removing a field without default under BACKWARD is accepted")
    equal(get_json(url, f"/subjects/{strict}/versions"), [1, 2], "the strict subject's versions")


{"evolution": evolution, "backward": backward}[mode]()
print(f"avro_kafka_samples {mode}: all checks passed", flush=True)
