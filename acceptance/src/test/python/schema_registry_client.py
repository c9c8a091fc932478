"""The newer confluent_kafka.schema_registry API (python3-confluent-kafka 1.7) against Stele:
register, lookup, get by id, versions, compatibility checks, config and deletes.

    python3 schema_registry_client.py REGISTRY_URL SAMPLES_DIR
"""

import json
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

from checks import equal, fail, raises, sample_text

url, samples = sys.argv[1], sys.argv[2]
v1 = Schema(sample_text(samples, "student-v1.avsc"), "AVRO")
v2 = Schema(sample_text(samples, "student-v2-names.avsc"), "AVRO")
incompatible = Schema(json.dumps({
    "type": "record", "name": "Student", "namespace": "student.avro",
    "fields": [{"name": "class", "type": "string"}]}), "AVRO")
subject, other = "client-api-value", "client-api-copy-value"


def fresh():
    """A new client, so that answers come from the server and not from the client's cache."""
    return SchemaRegistryClient({"url": url})


def registry_error(call, what, status, code):
    exc = raises(call, what)
    if not isinstance(exc, SchemaRegistryError):
        fail(f"{what}: expected SchemaRegistryError, got {exc!r}")
    equal((exc.http_status_code, exc.error_code), (status, code), what)


id1 = fresh().register_schema(subject, v1)
equal(fresh().register_schema(subject, v1), id1, "registering the same schema again: same id")
equal(fresh().register_schema(other, v1), id1, "same schema in another subject: same id")

found = fresh().lookup_schema(subject, v1)
equal((found.schema_id, found.subject, found.version), (id1, subject, 1), "lookup_schema")
equal(json.loads(found.schema.schema_str), json.loads(v1.schema_str), "lookup_schema text")

by_id = fresh().get_schema(id1)
equal(by_id.schema_type, "AVRO", "get_schema type")
equal(json.loads(by_id.schema_str), json.loads(v1.schema_str), "get_schema text")

id2 = fresh().register_schema(subject, v2)
equal(id2 != id1, True, "an evolved schema gets a new id")
latest = fresh().get_latest_version(subject)
equal((latest.schema_id, latest.version), (id2, 2), "get_latest_version")
first = fresh().get_version(subject, 1)
equal((first.schema_id, first.version, first.subject), (id1, 1, subject), "get_version 1")
equal(fresh().get_versions(subject), [1, 2], "get_versions")
equal(sorted(s for s in fresh().get_subjects() if s.startswith("client-api")),
      [other, subject], "get_subjects")

equal(fresh().get_compatibility(), "FULL", "global level from the config file")
equal(fresh().test_compatibility(subject, v1), True, "test_compatibility of v1 against v2")
equal(fresh().test_compatibility(subject, incompatible), False,
      "test_compatibility of a type change under FULL")
registry_error(lambda: fresh().register_schema(subject, incompatible),
               "registering an incompatible schema", 409, 409)

equal(fresh().set_compatibility(subject, "none"), {"compatibility": "NONE"}, "set_compatibility")
equal(fresh().get_compatibility(subject), "NONE", "get_compatibility of the subject")
equal(fresh().get_compatibility(), "FULL", "the global level is unchanged")
equal(fresh().test_compatibility(subject, incompatible), True, "the same change under NONE")

equal(fresh().delete_version(subject, 1), 1, "delete_version 1")
equal(fresh().get_versions(subject), [2], "versions after deleting 1")
registry_error(lambda: fresh().get_version(subject, 1), "get_version of a deleted version",
               404, 40402)
equal(json.loads(fresh().get_schema(id1).schema_str), json.loads(v1.schema_str),
      "a soft-deleted version's id is still readable")

equal(fresh().delete_subject(subject), [2], "delete_subject (soft)")
equal(fresh().delete_subject(other, permanent=True), [1], "delete_subject (permanent)")
equal([s for s in fresh().get_subjects() if s.startswith("client-api")], [],
      "get_subjects after the deletes")
registry_error(lambda: fresh().get_latest_version(subject), "get_latest_version of a deleted subject",
               404, 40401)
registry_error(lambda: fresh().get_schema(987654), "get_schema of an unknown id", 404, 40403)
registry_error(lambda: fresh().register_schema("client-api-bad-value", Schema('{"type":"recrod"}', "AVRO")),
               "registering an invalid schema", 422, 42201)

print("schema_registry_client: all checks passed")
