package com.critmin.sourcing.common;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A finite number (not NaN, not infinite); JSON overflow such as 1e400 reads as infinite. */
@Target({
  ElementType.FIELD,
  ElementType.PARAMETER,
  ElementType.TYPE_USE,
  ElementType.RECORD_COMPONENT
})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Finite.Validator.class)
public @interface Finite {
  String message() default "must be a finite number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Rejects NaN and infinities. */
  class Validator implements ConstraintValidator<Finite, Double> {
    @Override
    public boolean isValid(Double value, ConstraintValidatorContext context) {
      return value == null || Double.isFinite(value);
    }
  }
}
