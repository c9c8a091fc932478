package dev.stele.client;

/** What a data contract rule does: check a message ({@code CONDITION}) or rewrite it ({@code TRANSFORM}). */
public enum RuleKind { CONDITION, TRANSFORM }
