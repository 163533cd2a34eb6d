package com.critmin.sourcing.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.plan.api.InlineOffer;
import com.critmin.sourcing.plan.api.InlineOffer.InlineSupplier;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written checks of inline offers (fast enough for 200,000 offers a request) report
 * exactly what the Bean Validation annotations on {@link InlineOffer}, which the OpenAPI document
 * shows, would: same fields, same messages, for every way a field can be wrong and mixes of them.
 */
class InlineOfferChecksTest {
  private static jakarta.validation.ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void validator() {
    factory =
        Validation.byProvider(HibernateValidator.class)
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .defaultLocale(Locale.ENGLISH)
            .buildValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void close() {
    factory.close();
  }

  static InlineOffer valid() {
    return new InlineOffer(
        "lynas-ndpr",
        "NDPR_OXIDE",
        new InlineSupplier("lynas", "Lynas Rare Earths", "AU"),
        "MY",
        500.0,
        82.5,
        "USD",
        Map.of("MINING", "AU", "SEPARATION", "MY"),
        null,
        null);
  }

  /** One way to break one field, named for the test report. */
  record Break(String name, UnaryOperator<InlineOffer> apply) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Break> BREAKS = breaks();

  private static List<Break> breaks() {
    List<Break> breaks = new ArrayList<>();
    for (String id : new String[] {null, "", "a b", "x".repeat(65), "ü"}) {
      breaks.add(new Break("id " + id, o -> with(o, "id", id)));
      breaks.add(new Break("material " + id, o -> with(o, "material", id)));
      breaks.add(
          new Break(
              "supplier.id " + id,
              o -> with(o, "supplier", new InlineSupplier(id, "n", supplier(o).country()))));
    }
    for (String country : new String[] {"ZZ", "XX", "au", "AUS", ""}) {
      breaks.add(new Break("country " + country, o -> with(o, "country", country)));
      breaks.add(
          new Break(
              "supplier.country " + country,
              o -> with(o, "supplier", new InlineSupplier(supplier(o).id(), "n", country))));
    }
    breaks.add(new Break("supplier null", o -> with(o, "supplier", null)));
    breaks.add(
        new Break(
            "supplier.country null",
            o -> with(o, "supplier", new InlineSupplier(supplier(o).id(), "n", null))));
    breaks.add(
        new Break(
            "supplier.name 201",
            o -> with(o, "supplier", new InlineSupplier(supplier(o).id(), "n".repeat(201), "AU"))));
    for (Double amount :
        new Double[] {
          null,
          Double.NaN,
          Double.POSITIVE_INFINITY,
          Double.NEGATIVE_INFINITY,
          -1.0,
          -0.0,
          1e15,
          1.0000001e15,
          1e300
        }) {
      breaks.add(new Break("capacity " + amount, o -> with(o, "capacity", amount)));
      breaks.add(new Break("unitPrice " + amount, o -> with(o, "unitPrice", amount)));
      breaks.add(new Break("minQuantity " + amount, o -> with(o, "minQuantity", amount)));
      breaks.add(new Break("lotSize " + amount, o -> with(o, "lotSize", amount)));
      breaks.add(
          new Break(
              "supplier.fixedCost " + amount,
              o ->
                  with(
                      o,
                      "supplier",
                      new InlineSupplier(supplier(o).id(), "n", supplier(o).country(), amount))));
    }
    breaks.add(new Break("minQuantity 0", o -> with(o, "minQuantity", 0.0)));
    breaks.add(new Break("lotSize 0", o -> with(o, "lotSize", 0.0)));
    for (String currency : new String[] {"usd", "XXY", "EURO", ""}) {
      breaks.add(new Break("currency " + currency, o -> with(o, "currency", currency)));
    }
    breaks.add(new Break("origins null", o -> with(o, "origins", null)));
    breaks.add(
        new Break(
            "origins 33",
            o -> {
              Map<String, String> many = new LinkedHashMap<>();
              for (int i = 0; i < 33; i++) many.put("STAGE_" + i, "AU");
              return with(o, "origins", many);
            }));
    for (String stage : new String[] {"mining", "", "1ST", "S".repeat(33), "MINING STAGE"}) {
      breaks.add(new Break("stage " + stage, o -> withOrigin(o, stage, "AU")));
    }
    for (String country : new String[] {null, "XX", "au", ""}) {
      breaks.add(new Break("origin country " + country, o -> withOrigin(o, "REFINING", country)));
    }
    return List.copyOf(breaks);
  }

  static Stream<Break> oneBrokenField() {
    return BREAKS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("oneBrokenField")
  void oneBrokenFieldIsReportedAlike(Break broken) {
    assertAgree(broken.apply().apply(valid()));
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void severalBrokenFieldsAreReportedAlike(int seed) {
    Random random = new Random(seed);
    InlineOffer offer = valid();
    int count = 1 + random.nextInt(4);
    for (int i = 0; i < count; i++) {
      offer = BREAKS.get(random.nextInt(BREAKS.size())).apply().apply(offer);
    }
    assertAgree(offer);
  }

  private static void assertAgree(InlineOffer offer) {
    List<Problem.FieldError> byHand = new ArrayList<>();
    InlineOfferChecks.check(offer, "offers[7]", byHand);

    List<Problem.FieldError> byAnnotations = new ArrayList<>();
    for (ConstraintViolation<InlineOffer> violation : validator.validate(offer)) {
      byAnnotations.add(
          new Problem.FieldError(
              "offers[7]." + field(violation.getPropertyPath()), violation.getMessage()));
    }
    assertThat(byHand).as("%s", offer).containsExactlyInAnyOrderElementsOf(byAnnotations);
  }

  /** The client's name of a property path, as the API's problem documents write it. */
  private static String field(Path path) {
    StringBuilder name = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getKey() != null) {
        name.append('[').append(node.getKey()).append(']');
      }
      if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
        name.append(name.isEmpty() ? "" : ".").append(node.getName());
      }
    }
    return name.toString();
  }

  private static InlineSupplier supplier(InlineOffer o) {
    return o.supplier() != null ? o.supplier() : valid().supplier();
  }

  private static InlineOffer withOrigin(InlineOffer o, String stage, String country) {
    Map<String, String> origins = new HashMap<>(o.origins() == null ? Map.of() : o.origins());
    origins.put(stage, country);
    return with(o, "origins", origins);
  }

  private static InlineOffer with(InlineOffer o, String field, Object value) {
    return new InlineOffer(
        field.equals("id") ? (String) value : o.id(),
        field.equals("material") ? (String) value : o.material(),
        field.equals("supplier") ? (InlineSupplier) value : o.supplier(),
        field.equals("country") ? (String) value : o.country(),
        field.equals("capacity") ? (Double) value : o.capacity(),
        field.equals("unitPrice") ? (Double) value : o.unitPrice(),
        field.equals("currency") ? (String) value : o.currency(),
        field.equals("origins") ? castOrigins(value) : o.origins(),
        o.validFrom(),
        o.validTo(),
        field.equals("minQuantity") ? (Double) value : o.minQuantity(),
        field.equals("lotSize") ? (Double) value : o.lotSize());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> castOrigins(Object value) {
    return (Map<String, String>) value;
  }
}
