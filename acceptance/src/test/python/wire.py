"""What a confluent_kafka SchemaRegistryClient puts on the wire, recorded with a requests
response hook, so that the scripts can check what the client sent and not only what it got."""

import json
from urllib.parse import unquote, urlsplit


class Sent:
    """One request the client sent and the status it got back."""

    def __init__(self, response):
        request = response.request
        self.method = request.method
        parts = urlsplit(request.url)
        self.raw_path = parts.path
        self.path = unquote(parts.path)
        self.query = parts.query
        body = request.body
        if isinstance(body, bytes):
            body = body.decode("utf-8")
        self.body = json.loads(body) if body else None
        self.authorization = request.headers.get("Authorization")
        self.status = response.status_code

    def __repr__(self):
        return f"{self.method} {self.path} -> {self.status}"


def record_requests(client):
    """Returns a list that fills with a Sent for every request the client makes from now on.

    SchemaRegistryClient 1.7 keeps its requests.Session in _rest_client.session; a response hook
    sees the prepared request (URL, headers, body) exactly as it went out."""
    sent = []
    session = client._rest_client.session  # noqa: SLF001 - the only way to see the wire
    session.hooks["response"].append(lambda response, *args, **kwargs: sent.append(Sent(response)))
    return sent
