"""Samples item 3 without a broker, on a server started with schema.compatibility.level=backward:
student-v2-age (adds age with default 1) registers over student-v1 and a v2 reader reads v1
data with age 1; changes the levels forbid are refused with 409, and allowed where they are not.

    python3 backward_walkthrough.py REGISTRY_URL SAMPLES_DIR
"""

import json

from confluent_kafka import avro
from confluent_kafka.avro import ClientError, MessageSerializer

import students
from checks import equal, get_json, in_reader_order, raises

topic = "peter-avro3"
url, subject, v1, v2, client = students.walkthrough(topic, "student-v2-age.avsc")


def with_field_added(schema_text, field):
    schema = json.loads(schema_text)
    schema["fields"].append(field)
    return avro.loads(json.dumps(schema))


def refused(schema, target_subject, what):
    exc = raises(lambda: client().register(target_subject, schema), what)
    equal(isinstance(exc, ClientError) and "Incompatible Avro schema:409" in str(exc), True,
          what + " is refused with 409")


equal(get_json(url, "/config"), {"compatibilityLevel": "BACKWARD"}, "the server's level")

m1 = MessageSerializer(client()).encode_record_with_schema(topic, v1, {"name": "Peter", "class": 1})
equal(client().test_compatibility(subject, v2), True, "student-v2-age is backward compatible")
m2 = MessageSerializer(client()).encode_record_with_schema(
    topic, v2, {"name": "Peter", "class": 1, "age": 20})
equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions")

v2_reader = MessageSerializer(client(), reader_value_schema=v2)
for message in (m1, m2):
    print("v2 consumer:", in_reader_order(v2_reader.decode_message(message), v2), flush=True)

# Adding a field without a default: a v3 reader could not read v1/v2 data.
no_default = with_field_added(str(v2), {"name": "grade", "type": "int"})
equal(client().test_compatibility(subject, no_default), False,
      "adding a field without default under BACKWARD is incompatible")
refused(no_default, subject, "adding a field without default under BACKWARD")
equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions after the refusal")

# Removing a field that has no default: BACKWARD allows it (the new reader ignores the field),
# FORWARD forbids it (old readers need the field).
strict = "peter-avro3-strict-value"
base = {"type": "record", "name": "Student", "namespace": "student.avro", "fields": [
    {"name": "name", "type": "string"}, {"name": "class", "type": "int"}]}
without_name = dict(base, fields=[{"name": "class", "type": "int"}])
client().register(strict, avro.loads(json.dumps(base)))
client().update_compatibility("FORWARD", strict)
equal(client().get_compatibility(strict), "FORWARD", "the strict subject's level")
refused(avro.loads(json.dumps(without_name)), strict, "removing a field without default under FORWARD")
client().update_compatibility("BACKWARD", strict)
equal(client().register(strict, avro.loads(json.dumps(without_name))) > 0, True,
      "removing a field without default under BACKWARD is accepted")
equal(get_json(url, f"/subjects/{strict}/versions"), [1, 2], "the strict subject's versions")

print("backward_walkthrough: all checks passed")
