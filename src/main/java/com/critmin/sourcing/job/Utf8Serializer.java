package com.critmin.sourcing.job;

import com.github.kagkarlsson.scheduler.serializer.Serializer;
import java.nio.charset.StandardCharsets;

/** Job data is a short string, stored as UTF-8 so that an operator can read it in the table. */
final class Utf8Serializer implements Serializer {

  @Override
  public byte[] serialize(Object data) {
    return data == null ? null : data.toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public <T> T deserialize(Class<T> clazz, byte[] serialized) {
    return serialized == null ? null : clazz.cast(new String(serialized, StandardCharsets.UTF_8));
  }
}
