#!/usr/bin/env python3
"""Replays the recorded Confluent 7.9 corpus with the fields Confluent 8.x added to answers.

    python3 conformance_85.py RUNNER URL --data DIR [runner options...]

RUNNER is ../shared/conformance/conformance.py (read-only, so it is not changed but wrapped);
everything after it goes to the runner as it is. DIR holds the corpus as the runner reads it,
plus extra-fields.json: [{"field": "guid", "pattern": "<regex>", "reason": "..."}]; a number
or boolean value is matched as its JSON text. An entry with "path": "<regex>" applies only to
the answers of requests whose path matches it (search, not full match).

Stele answers as Confluent 8.5 does, which adds fields the 7.9 recording does not have (a
schema's "guid" in every answer that carries a schema; "ts" and "deleted" in those that carry
a subject version; "subject" and "version" in an id's answer asked with ?subject=). Before the
runner compares an answer,
each such field is taken out of every JSON object whose recorded counterpart lacks it, but only
if its value matches the pattern: a field with a malformed value stays, and the step fails.
Everything else is compared exactly as the runner does.
"""

import importlib.util
import json
import os
import re
import sys


def load_runner(path):
    spec = importlib.util.spec_from_file_location("conformance", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def data_dir(args, default):
    for i, arg in enumerate(args):
        if arg == "--data" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--data="):
            return arg[len("--data="):]
    return default


def as_text(value):
    """A string as it is; a number or boolean as its JSON text (ts: 1700000000000, deleted: false)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return ""  # never an extra field's value: objects and lists stay and are compared
    return json.dumps(value)


def without_extras(want, got, extras):
    """got without the extra fields that want lacks (at any depth), where their values fit."""
    if isinstance(want, dict) and isinstance(got, dict):
        kept = {}
        for key, value in got.items():
            pattern = extras.get(key)
            if key not in want and pattern is not None and pattern.match(as_text(value)):
                continue
            kept[key] = without_extras(want[key], value, extras) if key in want else value
        return kept
    if isinstance(want, list) and isinstance(got, list):
        return [without_extras(w, g, extras) for w, g in zip(want, got)] + got[len(want):]
    return got


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    runner = load_runner(argv[0])
    args = argv[1:]
    data = data_dir(args, runner.DEFAULT_DATA)
    entries = []
    extras_file = os.path.join(data, "extra-fields.json")
    if os.path.exists(extras_file):
        with open(extras_file, encoding="utf-8") as handle:
            entries = json.load(handle)

    def extras_for(path):
        """The extra fields (name to value pattern) an answer to a request on path may carry."""
        return {entry["field"]: re.compile(entry["pattern"]) for entry in entries
                if "path" not in entry or re.search(entry["path"], path)}

    with open(os.path.join(data, "golden.json"), encoding="utf-8") as handle:
        golden = json.load(handle)

    recorded_run = runner.run_scenario

    def run_scenario(registry, resetter, scenario):
        answers, leftover = recorded_run(registry, resetter, scenario)
        expected = golden.get(scenario["name"], [])
        for step, want, answer in zip(scenario["steps"], expected, answers):
            answer["body"] = without_extras(want["body"], answer["body"], extras_for(step["p"]))
        return answers, leftover

    runner.run_scenario = run_scenario
    return runner.main(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
