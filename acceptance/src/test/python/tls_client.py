"""python3-confluent-kafka 1.7's SchemaRegistryClient over HTTPS with a client certificate
(mutual TLS) against a Stele whose listener requires one: the certificate's CN is the user.

    python3 tls_client.py REGISTRY_URL CA_PEM CLIENT_CERT_PEM CLIENT_KEY_PEM
"""

import json
import os
import sys

from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.error import SchemaRegistryError

from checks import equal, raises, registry_error

url, ca, cert, key = sys.argv[1:5]
# requests lets these variables override a session's own CA file (the client's ssl.ca.location);
# a user whose environment sets them would see the test's CA ignored.
for variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.pop(variable, None)
schema = Schema(json.dumps({"type": "record", "name": "Payment", "namespace": "example",
                            "fields": [{"name": "amount", "type": "double"}]}), "AVRO")


def client(with_certificate=True, user_info=None):
    conf = {"url": url, "ssl.ca.location": ca}
    if with_certificate:
        conf["ssl.certificate.location"] = cert
        conf["ssl.key.location"] = key
    if user_info is not None:
        conf["basic.auth.user.info"] = user_info
    return SchemaRegistryClient(conf)


# The certificate says CN=alice: her rights, without a password.
schema_id = client().register_schema("alice-payments-value", schema)
equal(client().get_latest_version("alice-payments-value").schema_id, schema_id,
      "alice (by certificate) reads her subject")
registry_error(lambda: client().register_schema("bob-payments-value", schema),
               "alice (by certificate) registering under bob's subject", 403, 403)
# Credentials in the header win over the certificate.
equal(client(user_info="admin:admin-secret").register_schema("bob-payments-value", schema),
      schema_id, "admin by password over the same TLS connection")
equal(client().get_subjects(), ["alice-payments-value"], "alice lists her subjects only")
registry_error(lambda: client(user_info="admin:wrong").get_subjects(),
               "a wrong password next to a valid certificate", 401, 401)

# No client certificate: the handshake fails, before any HTTP.
exc = raises(lambda: client(with_certificate=False, user_info="admin:admin-secret").get_subjects(),
             "no client certificate")
equal(isinstance(exc, SchemaRegistryError), False, f"no client certificate fails in TLS ({type(exc).__name__})")

print("tls_client: all checks passed", flush=True)
