package com.critmin.sourcing.stage;

import com.critmin.sourcing.common.MasterDataService;
import com.critmin.sourcing.common.Page;
import com.critmin.sourcing.common.Versioned;
import com.critmin.sourcing.error.ApiException;
import com.critmin.sourcing.error.Problem;
import com.critmin.sourcing.stage.api.StageRequest;
import com.critmin.sourcing.stage.api.StageResponse;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The stage vocabulary: the built-in stages (read-only, SUPPLY reserved) and user-defined ones, in
 * one id space. Every stage named anywhere must be in it.
 */
@ApplicationScoped
@Transactional
public class StageService extends MasterDataService<Stage, StageRequest, StageResponse> {
  private static final EntityTag BUILT_IN_TAG = new EntityTag("builtin-1");

  private final StageRepository stages;
  private final Instance<StageUsage> usages;

  public StageService(StageRepository stages, Instance<StageUsage> usages) {
    this.stages = stages;
    this.usages = usages;
  }

  /** A stage named by a request, and the field that names it. */
  public record Reference(String field, String stage) {}

  @Override
  protected PanacheRepositoryBase<Stage, String> repository() {
    return stages;
  }

  @Override
  protected String kind() {
    return "Stage";
  }

  @Override
  protected Stage newEntity() {
    return new Stage();
  }

  @Override
  protected String idOf(StageRequest request) {
    return request.id();
  }

  @Override
  protected void apply(String id, StageRequest request, Stage entity) {
    if (request.id() != null && !request.id().equals(id)) {
      throw ApiException.invalid(
          "id", "must match the id in the path ('" + id + "') or be left out");
    }
    entity.name = request.name().strip();
  }

  @Override
  protected StageResponse toResponse(Stage entity) {
    return new StageResponse(entity.id, entity.name, false, entity.createdAt, entity.updatedAt);
  }

  @Override
  protected void checkDeletable(Stage stage) {
    refuseIfUsed(
        stage.id, usages.stream().map(usage -> usage.usesOfStage(stage.id)), "change them first");
  }

  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Versioned<StageResponse>> find(String id) {
    Optional<BuiltInStages.Stage> builtIn = BuiltInStages.find(id);
    if (builtIn.isPresent()) {
      return Optional.of(Versioned.of(toResponse(builtIn.get()), BUILT_IN_TAG));
    }
    return super.find(id);
  }

  @Override
  protected void checkWritable(String id, boolean deleting) {
    if (BuiltInStages.SUPPLY.equals(id)) {
      throw ApiException.readOnly(
          "Stage 'SUPPLY' is reserved for the offer's own country and read-only");
    }
    if (BuiltInStages.isBuiltIn(id)) {
      throw ApiException.readOnly("Stage '" + id + "' is built in and read-only");
    }
  }

  /** Built-in stages first, then stored ones (see {@link #listBuiltInsFirst}). */
  @Override
  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<StageResponse> list(String cursor, int limit) {
    return listBuiltInsFirst(
        "Stages",
        BuiltInStages.ALL.stream().map(StageService::toResponse).toList(),
        StageResponse::id,
        cursor,
        limit);
  }

  /** The names among these that are stages, built in or stored. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Set<String> existing(Collection<String> names) {
    Set<String> found = new HashSet<>();
    Set<String> stored = new HashSet<>();
    for (String name : names) {
      if (BuiltInStages.isBuiltIn(name)) {
        found.add(name);
      } else {
        stored.add(name);
      }
    }
    if (!stored.isEmpty()) {
      found.addAll(stages.existingIds(stored));
    }
    return found;
  }

  /**
   * Adds a field error, with a "did you mean" hint, for each reference to a stage that does not
   * exist. With {@code lock}, the stored stages found stay locked against deletion until the
   * transaction ends: for a writer about to store the references.
   */
  public void check(
      Collection<Reference> references, boolean lock, List<Problem.FieldError> errors) {
    if (references.isEmpty()) {
      return;
    }
    Set<String> stored = new HashSet<>();
    for (Reference reference : references) {
      if (!BuiltInStages.isBuiltIn(reference.stage())) {
        stored.add(reference.stage());
      }
    }
    if (stored.isEmpty()) {
      return;
    }
    Set<String> present = lock ? stages.lockForReference(stored) : stages.existingIds(stored);
    List<String> known = null;
    for (Reference reference : references) {
      String stage = reference.stage();
      if (!BuiltInStages.isBuiltIn(stage) && !present.contains(stage)) {
        if (known == null) {
          known = allNames();
        }
        errors.add(new Problem.FieldError(reference.field(), StageNames.unknown(stage, known)));
      }
    }
  }

  /** Every stage name, built in and stored. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public List<String> allNames() {
    List<String> names = new ArrayList<>();
    BuiltInStages.ALL.forEach(stage -> names.add(stage.id()));
    names.addAll(stages.allIds());
    return names;
  }

  private static StageResponse toResponse(BuiltInStages.Stage stage) {
    return new StageResponse(stage.id(), stage.name(), true, null, null);
  }
}
