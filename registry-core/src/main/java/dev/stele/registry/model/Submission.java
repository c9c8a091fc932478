package dev.stele.registry.model;

/**
 * A client's schema with what an error about it names: the subject and the explicit id and
 * version of the request (null when the request had none).
 */
public record Submission(String subject, SchemaPayload payload, Integer id, Integer version) {}
