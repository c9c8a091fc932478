"""python3-confluent-kafka 1.7's SchemaRegistryClient with basic.auth.user.info against a Stele
started from examples/secure: right and wrong credentials, and each example user's rights.

    python3 secure_client.py REGISTRY_URL
"""

import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient

from checks import equal, registry_error

url = sys.argv[1]
schema = Schema(json.dumps({"type": "record", "name": "Order", "namespace": "example",
                            "fields": [{"name": "id", "type": "long"}]}), "AVRO")
other = Schema(json.dumps({"type": "record", "name": "Invoice", "namespace": "example",
                           "fields": [{"name": "total", "type": "double"}]}), "AVRO")


def client(user_info):
    """A new client per call, so that answers come from the server, not the client's cache."""
    conf = {"url": url}
    if user_info is not None:
        conf["basic.auth.user.info"] = user_info
    return SchemaRegistryClient(conf)


admin, alice, reader = "admin:admin-secret", "alice:alice-secret", "reader:reader-secret"

# Wrong or missing credentials: 401 for every call.
registry_error(lambda: client(None).get_subjects(), "no credentials", 401, 401)
registry_error(lambda: client("alice:wrong").get_subjects(), "a wrong password", 401, 401)
registry_error(lambda: client("mallory:alice-secret").get_subjects(), "an unknown user", 401, 401)
registry_error(lambda: client("alice:wrong").register_schema("alice-orders-value", schema),
               "registering with a wrong password", 401, 401)

# alice registers and reads under her own subjects.
alice_id = client(alice).register_schema("alice-orders-value", schema)
equal(json.loads(client(alice).get_schema(alice_id).schema_str) == json.loads(schema.schema_str), True,
      "alice reads her schema by id")
equal(client(alice).get_latest_version("alice-orders-value").schema_id, alice_id,
      "alice reads her latest version")
equal(client(alice).test_compatibility("alice-orders-value", schema), True,
      "alice tests compatibility on her subject")

# The admin registers elsewhere; alice neither sees nor writes it.
bob_id = client(admin).register_schema("bob-invoices-value", other)
registry_error(lambda: client(alice).register_schema("bob-invoices-value", schema),
               "alice registering under bob's subject", 403, 403)
registry_error(lambda: client(alice).get_latest_version("bob-invoices-value"),
               "alice reading bob's subject", 404, 40401)
registry_error(lambda: client(alice).get_schema(bob_id), "alice reading bob's schema by id",
               404, 40403)
equal(client(alice).get_subjects(), ["alice-orders-value"], "alice lists her subjects only")
registry_error(lambda: client(alice).set_compatibility(level="NONE"),
               "alice changing the global level", 403, 403)
registry_error(lambda: client(alice).delete_subject("alice-orders-value"),
               "alice deleting (not granted)", 403, 403)

# The reader reads everything and writes nothing.
equal(sorted(client(reader).get_subjects()), ["alice-orders-value", "bob-invoices-value"],
      "reader lists every subject")
equal(json.loads(client(reader).get_schema(bob_id).schema_str) == json.loads(other.schema_str), True,
      "reader reads any schema by id")
equal(client(reader).get_compatibility(), "BACKWARD", "reader reads the global level")
registry_error(lambda: client(reader).register_schema("reader-value", schema),
               "reader registering", 403, 403)

# The admin does everything.
equal(client(admin).set_compatibility(level="FULL"), {"compatibility": "FULL"},
      "admin changes the global level")
equal(client(admin).delete_subject("alice-orders-value"), [1], "admin deletes alice's subject")

print("secure_client: all checks passed", flush=True)
