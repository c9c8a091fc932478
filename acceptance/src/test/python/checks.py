"""Small helpers shared by the acceptance scripts: every check prints what it saw, and the first
failing one ends the script with exit status 1 and a message naming it."""

import json
import os
import sys
import urllib.request


def fail(message):
    print(f"FAILED: {message}", flush=True)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def equal(got, expected, what):
    if got != expected:
        fail(f"{what}: expected {expected!r}, got {got!r}")
    print(f"ok {what}: {got!r}", flush=True)


def raises(call, what):
    """Runs call, which must raise; returns the exception."""
    try:
        result = call()
    except Exception as exc:  # noqa: BLE001 - any client error is what we are looking for
        return exc
    fail(f"{what}: expected an error, got {result!r}")


def sample_text(samples_dir, name):
    with open(os.path.join(samples_dir, name), encoding="utf-8") as handle:
        return handle.read()


def get_json(url, path):
    """A plain GET, independent of the client library under test."""
    with urllib.request.urlopen(url.rstrip("/") + path, timeout=30) as response:
        return json.loads(response.read().decode("utf-8"))


def in_reader_order(record, reader_schema):
    """The decoded record with keys in the reader schema's field order, printed as the samples
    show it (Python avro fills defaults after the writer's fields)."""
    return {field.name: record[field.name] for field in reader_schema.fields}


def registry_error(call, what, status, code):
    """Runs call, which must fail with a SchemaRegistryError of this HTTP status and error code."""
    # Imported here: only the scripts of the schema_registry client API need the package.
    from confluent_kafka.schema_registry.error import SchemaRegistryError

    exc = raises(call, what)
    if not isinstance(exc, SchemaRegistryError):
        fail(f"{what}: expected SchemaRegistryError, got {exc!r}")
    equal((exc.http_status_code, exc.error_code), (status, code), what)


def poll(consumer, count, polls, on_message=None):
    """Up to count messages from polls of half a second each (a hang guard, not a target); any
    consumer error fails the script. on_message sees each message as it arrives."""
    messages = []
    for _ in range(polls):
        message = consumer.poll(0.5)
        if message is None:
            continue
        check(message.error() is None, f"consumer error: {message.error()}")
        messages.append(message)
        if on_message is not None:
            on_message(message)
        if len(messages) == count:
            break
    return messages
