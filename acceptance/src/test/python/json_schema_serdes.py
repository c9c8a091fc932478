"""Samples item 4 without a broker: the JSONSerializer of python3-confluent-kafka 1.7, called as
SerializingProducer calls it, auto-registers user.schema.json as my_topic-value (JSON Schema);
without auto-registration it finds the registered version; a favorite_number of 0 fails the
client's validation (exclusiveMinimum); JSONDeserializer reads back what was written.

The client is configured as the sample has it, with basic.auth.user.info: Stele has no
authentication yet and ignores the Authorization header, so the calls must simply work.

    python3 json_schema_serdes.py REGISTRY_URL SAMPLES_DIR
"""

import json
import struct
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.json_schema import JSONDeserializer, JSONSerializer
from confluent_kafka.serialization import (MessageField, SerializationContext,
                                           SerializationError, StringSerializer)

from checks import equal, fail, get_json, raises, sample_text
from wire import record_requests

url, samples = sys.argv[1], sys.argv[2]
topic, subject = "my_topic", "my_topic-value"
schema_str = sample_text(samples, "user.schema.json")
value_ctx = SerializationContext(topic, MessageField.VALUE)
key_ctx = SerializationContext(topic, MessageField.KEY)
user = {"name": "Peter", "favorite_number": 7, "favorite_color": "blue"}


def client():
    """A new client, as the sample configures it, so answers come from the server."""
    return SchemaRegistryClient({"url": url, "basic.auth.user.info": "key:secret"})


def schema_id(message):
    magic, ident = struct.unpack(">bI", message[:5])
    equal(magic, 0, "magic byte")
    return ident


# SerializingProducer(key.serializer=StringSerializer, value.serializer=JSONSerializer(...)):
# the producer calls each serializer with the topic and the field before handing bytes to Kafka.
equal(StringSerializer("utf_8")("user-1", key_ctx), b"user-1", "the key serializer")
registering = client()
sent = record_requests(registering)
m1 = JSONSerializer(schema_str, registering)(user, value_ctx)
equal([(s.method, s.path, s.status) for s in sent],
      [("POST", f"/subjects/{subject}/versions", 200)], "what the serializer sent")
equal((sent[0].body["schemaType"], json.loads(sent[0].body["schema"])),
      ("JSON", json.loads(schema_str)), "the serializer registers the sample's schema as JSON")
# basic.auth.user.info key:secret goes out as HTTP basic auth; Stele ignores it (no auth yet).
equal(sent[0].authorization, "Basic a2V5OnNlY3JldA==", "the client sends key:secret as basic auth")
equal(json.loads(m1[5:].decode("utf-8")), user, "the payload is the value as JSON")

# The registry now has my_topic-value version 1, as JSON Schema, with the sample's schema.
equal(get_json(url, f"/subjects/{subject}/versions"), [1], "versions after auto-registration")
v1 = get_json(url, f"/subjects/{subject}/versions/1")
equal(v1.get("schemaType"), "JSON", "schemaType of my_topic-value version 1")
equal(json.loads(v1["schema"]), json.loads(schema_str), "the registered schema is the sample's")
equal(schema_id(m1), v1["id"], "the id in the message is version 1's")
by_id = get_json(url, f"/schemas/ids/{v1['id']}")
equal((by_id.get("schemaType"), json.loads(by_id["schema"])), ("JSON", json.loads(schema_str)),
      "GET /schemas/ids/{id}")
equal(client().get_schema(v1["id"]).schema_type, "JSON", "the client's get_schema type")

# Serializing again with a new serializer: the same schema, the same id, no new version.
equal(schema_id(JSONSerializer(schema_str, client())(user, value_ctx)), v1["id"],
      "a second auto-registering serializer gets the same id")
equal(get_json(url, f"/subjects/{subject}/versions"), [1], "versions after the second serializer")

# The value the sample rejects: favorite_number has exclusiveMinimum 0.
bad = dict(user, favorite_number=0)
exc = raises(lambda: JSONSerializer(schema_str, client())(bad, value_ctx),
             "serializing favorite_number 0")
if not isinstance(exc, SerializationError):
    fail(f"serializing favorite_number 0: expected SerializationError, got {exc!r}")
equal(str(exc), "0 is less than or equal to the minimum of 0",
      "favorite_number 0 fails exclusiveMinimum on the client")
equal(get_json(url, f"/subjects/{subject}/versions"), [1], "versions after the refused value")

# The deserializer reads back what was written (JSON is self-describing: no registry call).
deserializer = JSONDeserializer(schema_str)
equal(deserializer(m1, value_ctx), user, "JSONDeserializer reads back the value")

# {'auto.register.schemas': False, 'use.latest.version': True}: 1.7's JSONSerializer has no
# use.latest.version (newer clients added it) and refuses the configuration.
exc = raises(lambda: JSONSerializer(schema_str, client(),
                                    conf={"auto.register.schemas": False,
                                          "use.latest.version": True}),
             "use.latest.version in python3-confluent-kafka 1.7")
equal((type(exc).__name__, str(exc)),
      ("ValueError", "Unrecognized properties: use.latest.version"),
      "1.7 refuses use.latest.version")

# A second version evolves the schema compatibly under the server's default level, BACKWARD:
# favorite_color is no longer required. What 1.7 offers without auto-registration is a lookup of
# the serializer's own schema (POST /subjects/{s}), which finds version 1, not the latest.
evolved = json.loads(schema_str)
evolved["required"] = ["name", "favorite_number"]
evolved["description"] = "A Confluent Kafka Python User, colour optional"
evolved_str = json.dumps(evolved, indent=2)
equal(client().test_compatibility(subject, Schema(evolved_str, "JSON")), True,
      "v2 (favorite_color optional) is backward compatible")
id2 = client().register_schema(subject, Schema(evolved_str, "JSON"))
equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "versions after registering v2")
lookup = JSONSerializer(schema_str, client(), conf={"auto.register.schemas": False})
equal(schema_id(lookup(user, value_ctx)), v1["id"],
      "auto.register.schemas False with the v1 schema finds version 1")

# use.latest.version by hand with 1.7's API: fetch the latest version, serialize with its schema
# and without auto-registration (the lookup finds the latest version's id).
latest = client().get_latest_version(subject)
equal((latest.version, latest.schema_id, latest.schema.schema_type), (2, id2, "JSON"),
      "get_latest_version")
equal(json.loads(latest.schema.schema_str), evolved, "the latest version's schema is v2")
latest_serializer = JSONSerializer(latest.schema.schema_str, client(),
                                   conf={"auto.register.schemas": False})
colourless = {"name": "Peter", "favorite_number": 7}
m2 = latest_serializer(colourless, value_ctx)
equal(schema_id(m2), id2, "serializing with the latest version's schema writes its id")
equal(get_json(url, f"/subjects/{subject}/versions"), [1, 2], "no version was added")
equal(JSONDeserializer(latest.schema.schema_str)(m2, value_ctx), colourless,
      "the latest version's deserializer reads it back")
equal(type(raises(lambda: deserializer(m2, value_ctx), "v1 deserializer")).__name__,
      "SerializationError", "the v1 deserializer refuses a value without colour")
equal(type(raises(lambda: latest_serializer(bad, value_ctx), "latest, 0")).__name__,
      "SerializationError", "the latest schema also refuses favorite_number 0")

# An optional property added to an open content model is not backward compatible (old data may
# hold that property with any value): the server refuses it with 409, as Confluent's does.
food = json.loads(evolved_str)
food["properties"]["favorite_food"] = {"type": "string"}
equal(client().test_compatibility(subject, Schema(json.dumps(food), "JSON")), False,
      "adding an optional property to an open content model is backward incompatible")
exc = raises(lambda: client().register_schema(subject, Schema(json.dumps(food), "JSON")),
             "registering it")
equal((getattr(exc, "http_status_code", None), getattr(exc, "error_code", None)), (409, 409),
      "registering it is refused")

# Without auto-registration a schema the subject does not have is a 404 (40403), not a 500.
unknown = dict(json.loads(schema_str), title="Stranger")
exc = raises(lambda: JSONSerializer(json.dumps(unknown), client(),
                                    conf={"auto.register.schemas": False})(user, value_ctx),
             "looking up an unregistered schema")
equal((getattr(exc, "http_status_code", None), getattr(exc, "error_code", None)), (404, 40403),
      "looking up an unregistered schema")

print("json_schema_serdes: all checks passed")
