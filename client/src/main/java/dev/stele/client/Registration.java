package dev.stele.client;

/**
 * What a registration answered: the id, and when the registry sent the whole version (it does
 * when metadata or a rule set came into play, e.g. rules carried over from the previous
 * version) that version's number and schema with its data contract; else {@code version} is 0
 * and {@code schema} null.
 */
public record Registration(int id, int version, SchemaDefinition schema) {}
