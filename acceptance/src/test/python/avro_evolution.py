"""Samples item 2 without a broker: the legacy confluent_kafka.avro MessageSerializer, as
AvroProducer and AvroConsumer use it, encodes with student-v1, the schema evolves to
student-v2-names, and v1 bytes are read with the v2 reader schema.

    python3 avro_evolution.py REGISTRY_URL SAMPLES_DIR
"""

import struct

from confluent_kafka.avro import MessageSerializer

import students
from checks import equal, get_json, in_reader_order

topic = "peter-avro2"
url, subject, v1, v2, client = students.walkthrough(topic, "student-v2-names.avsc")


def schema_id(message):
    magic, ident = struct.unpack(">bI", message[:5])
    equal(magic, 0, "magic byte")
    return ident


# AvroProducer(default_value_schema=student-v1) producing {"name": "Peter", "class": 1}
m1 = MessageSerializer(client()).encode_record_with_schema(topic, v1, {"name": "Peter", "class": 1})
equal(get_json(url, f"/subjects/{subject}/versions"), [1], "versions after the v1 producer")
equal(get_json(url, f"/subjects/{subject}/versions/1")["id"], schema_id(m1),
      "the id in the message is v1's")

# AvroConsumer(reader_value_schema=student-v1)
v1_reader = MessageSerializer(client(), reader_value_schema=v1)
print("v1 consumer:", in_reader_order(v1_reader.decode_message(m1), v1), flush=True)

# A producer with student-v2-names
m2 = MessageSerializer(client()).encode_record_with_schema(
    topic, v2, {"first_name": "Peter", "last_name": "Parker", "class": 1})
equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions after the v2 producer")
equal(get_json(url, f"/subjects/{subject}/versions/2")["id"], schema_id(m2),
      "the id in the message is v2's")

# A consumer in a new group with reader schema v2 reads both messages.
v2_reader = MessageSerializer(client(), reader_value_schema=v2)
for message in (m1, m2):
    print("v2 consumer:", in_reader_order(v2_reader.decode_message(message), v2), flush=True)

print("avro_evolution: all checks passed")
