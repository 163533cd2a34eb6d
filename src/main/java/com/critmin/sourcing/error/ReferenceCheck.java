package com.critmin.sourcing.error;

import java.util.List;

/**
 * A check of the names a request body refers to (stages, say), run beside Bean Validation when a
 * body fails it, so that one answer lists every error of the request, syntactic and referential
 * together. A check only reads; it skips what it cannot judge.
 */
public interface ReferenceCheck {
  /** Adds an error for each name in {@code body} that does not exist. */
  void addErrors(Object body, List<Problem.FieldError> errors);
}
