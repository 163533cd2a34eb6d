package com.critmin.sourcing.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An ISO 3166-1 alpha-2 country code (upper case); {@code ZZ} only when {@link #allowUnknown()}.
 */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CountryCode.Validator.class)
public @interface CountryCode {
  String message() default "must be an ISO 3166-1 alpha-2 country code such as AU or CN";

  boolean allowUnknown() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the code against the JDK's list of ISO countries. */
  class Validator implements ConstraintValidator<CountryCode, String> {
    private boolean allowUnknown;

    @Override
    public void initialize(CountryCode annotation) {
      allowUnknown = annotation.allowUnknown();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null
          || IsoCodes.isCountry(value)
          || (allowUnknown && IsoCodes.UNKNOWN_COUNTRY.equals(value));
    }
  }
}
