"""The samples' student schemas and the legacy Avro client, as avro_evolution.py (samples item 2)
and backward_walkthrough.py (item 3) use them without a broker."""

import os

from confluent_kafka import avro
from confluent_kafka.avro import CachedSchemaRegistryClient


def schemas(samples, v2_file):
    """student-v1.avsc and the given v2 from the samples directory."""
    return (avro.load(os.path.join(samples, "student-v1.avsc")),
            avro.load(os.path.join(samples, v2_file)))


def client(url):
    """A new client per call, as each producer and consumer of the samples has its own."""
    return CachedSchemaRegistryClient({"url": url})
