"""The samples' student schemas and the legacy Avro client, as avro_evolution.py (samples item 2)
and backward_walkthrough.py (item 3) use them without a broker."""

import os
import sys

from confluent_kafka import avro
from confluent_kafka.avro import CachedSchemaRegistryClient


def schemas(samples, v2_file):
    """student-v1.avsc and the given v2 from the samples directory."""
    return (avro.load(os.path.join(samples, "student-v1.avsc")),
            avro.load(os.path.join(samples, v2_file)))


def client(url):
    """A new client per call, as each producer and consumer of the samples has its own."""
    return CachedSchemaRegistryClient({"url": url})


def walkthrough(topic, v2_file):
    """What a walkthrough script starts from, its arguments being REGISTRY_URL SAMPLES_DIR: the url,
    the topic's value subject, student-v1 and the given v2, and a function that returns a new
    client on the url."""
    url, samples = sys.argv[1], sys.argv[2]
    v1, v2 = schemas(samples, v2_file)
    return url, f"{topic}-value", v1, v2, lambda: client(url)
