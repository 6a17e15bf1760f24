package dev.diaharness.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.SerializationFeature;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared mapper cannot be reconfigured by whoever holds it. */
class JsonTest {
  record Row(int a, Optional<String> absent) {}

  @Test
  void theSharedMapperExposesNoConfigurationMethod() {
    assertThat(Modifier.isFinal(Json.Mapper.class.getModifiers())).isTrue();
    assertThat(Arrays.stream(Json.Mapper.class.getMethods()).filter(m -> m.getDeclaringClass() == Json.Mapper.class)
        .map(Method::getName))
        .isNotEmpty()
        .noneMatch(name -> name.matches("(configure|enable|disable|register|set|add|activate|clear|getFactory|"
            + "getSerializationConfig|getDeserializationConfig).*"));
  }

  @Test
  void aCopyIsConfiguredWithoutChangingTheSharedMapper() throws Exception {
    var pretty = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT);
    Row value = new Row(1, Optional.empty());
    assertThat(pretty.writeValueAsString(value)).contains("\n");
    assertThat(Json.MAPPER.writeValueAsString(value)).isEqualTo("{\"a\":1}");
  }
}
