package dev.stele.serde.avro.testdata;

import java.util.Objects;

/** A plain Java object, no Avro in sight, for schema.reflection. */
public class Reading {
  public String sensor;
  public double value;

  public Reading() {}

  public Reading(String sensor, double value) {
    this.sensor = sensor;
    this.value = value;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Reading reading && Objects.equals(sensor, reading.sensor) && value == reading.value;
  }

  @Override
  public int hashCode() {
    return Objects.hash(sensor, value);
  }
}
