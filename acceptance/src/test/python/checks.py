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
