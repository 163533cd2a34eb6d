package com.critmin.sourcing.common;

import com.critmin.sourcing.error.ApiException;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Create-or-replace, read, delete and paged list of one kind of master data, with If-Match checks.
 *
 * @param <E> the entity
 * @param <Q> the PUT body
 * @param <R> the representation
 */
public abstract class MasterDataService<E extends MasterDataEntity, Q, R> {

  /** Runs writes in transactions that wait for concurrent writers instead of failing. */
  @Inject protected WriteTransactions writes;

  protected abstract PanacheRepositoryBase<E, String> repository();

  /** The kind's name in messages, e.g. "Material". */
  protected abstract String kind();

  protected abstract E newEntity();

  /** Copies a validated request onto an entity; throws {@link ApiException} for bad references. */
  protected abstract void apply(String id, Q request, E entity);

  protected abstract R toResponse(E entity);

  /**
   * The id a PUT body gives, if any: a body read by GET carries its id, which must equal the
   * path's. Null by default (the body has no id).
   */
  protected String idOf(Q request) {
    return null;
  }

  /**
   * Refuses a write to an id that is not writable, such as a built-in one; does nothing by default.
   * Runs before any transaction.
   */
  protected void checkWritable(String id, boolean deleting) {}

  /** Refuses a delete that would break references; does nothing by default. */
  protected void checkDeletable(E entity) {}

  /**
   * Refuses the delete of {@code id} with a 409 when anything still uses it; each use describes
   * itself ("3 offer(s)") or is empty. {@code advice} says what to do about them.
   */
  protected void refuseIfUsed(String id, Stream<Optional<String>> uses, String advice) {
    List<String> found = uses.flatMap(Optional::stream).toList();
    if (!found.isEmpty()) {
      throw ApiException.conflict(
          kind() + " '" + id + "' is used by " + String.join(" and ", found) + "; " + advice);
    }
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Optional<Versioned<R>> find(String id) {
    return repository().findByIdOptional(id).map(e -> Versioned.of(toResponse(e), e.etag()));
  }

  /** Creates or replaces, unconditionally or under If-Match. */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Versioned<R> put(String id, Q request, String ifMatch) {
    return put(id, request, ifMatch, null);
  }

  /**
   * Creates or replaces under If-Match and If-None-Match ({@code *}: create only). Concurrent PUTs
   * of one id take turns: one creates (201), the others then replace it (200) or, under {@code
   * If-None-Match: *}, get 412.
   */
  @Transactional(Transactional.TxType.SUPPORTS)
  public Versioned<R> put(String id, Q request, String ifMatch, String ifNoneMatch) {
    checkWritable(id, false);
    String bodyId = idOf(request);
    if (bodyId != null && !bodyId.equals(id)) {
      throw ApiException.invalid(
          "id", "must match the id in the path ('" + id + "') or be left out");
    }
    return writes.write(
        List.of(kind() + ":" + id), () -> putNow(id, request, ifMatch, ifNoneMatch));
  }

  private Versioned<R> putNow(String id, Q request, String ifMatch, String ifNoneMatch) {
    // The row lock makes concurrent replaces of one id take turns. Concurrent creates of a new id
    // cannot lock a row that is not there yet: the one that inserts second fails on the key and
    // its retry finds the row, locked and current.
    E entity = repository().findById(id, LockModeType.PESSIMISTIC_WRITE);
    EntityTag current = entity == null ? null : entity.etag();
    Etags.checkIfMatch(ifMatch, current);
    Etags.checkIfNoneMatch(ifNoneMatch, current);
    boolean created = entity == null;
    if (created) {
      entity = newEntity();
      entity.id = id;
    }
    apply(id, request, entity);
    if (created) {
      repository().persist(entity);
    }
    repository().flush();
    return new Versioned<>(toResponse(entity), entity.etag(), created);
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public void delete(String id, String ifMatch) {
    checkWritable(id, true);
    writes.write(
        List.of(kind() + ":" + id),
        () -> {
          deleteNow(id, ifMatch);
          return null;
        });
  }

  private void deleteNow(String id, String ifMatch) {
    // Preconditions come before the method's own answer (RFC 9110 13.2.2): If-Match on a missing
    // resource is 412.
    E entity = repository().findById(id, LockModeType.PESSIMISTIC_WRITE);
    Etags.checkIfMatch(ifMatch, entity == null ? null : entity.etag());
    if (entity == null) {
      throw ApiException.notFound(kind(), id);
    }
    checkDeletable(entity);
    repository().delete(entity);
    repository().flush();
  }

  @Transactional(Transactional.TxType.SUPPORTS)
  public Page<R> list(String cursor, int limit) {
    return list(cursor, limit, Map.of());
  }

  /**
   * A page in id order; {@code filters} maps entity fields to required values (null = no filter). A
   * key may name its comparison after the field, as in {@code "updatedAt >="}; the default is
   * equality.
   */
  protected Page<R> list(String cursor, int limit, Map<String, Object> filters) {
    StringBuilder query = new StringBuilder("1 = 1");
    Parameters parameters = new Parameters();
    String scope = listScope(filters);
    String after = Cursors.decode(scope, cursor);
    if (after != null) {
      query.append(" and id > :after");
      parameters.and("after", after);
    }
    filters.forEach(
        (field, value) -> {
          if (value != null) {
            String[] parts = field.split(" ", 2);
            String name = parts[0];
            String comparison = parts.length > 1 ? parts[1] : "=";
            String parameter = "filter" + parameters.map().size();
            query
                .append(" and ")
                .append(name)
                .append(' ')
                .append(comparison)
                .append(" :")
                .append(parameter);
            parameters.and(parameter, value);
          }
        });
    query.append(" order by id");
    List<E> rows = repository().find(query.toString(), parameters).range(0, limit).list();
    return Cursors.page(scope, rows, limit, e -> e.id).map(this::toResponse);
  }

  /**
   * Read-only built-in items first, then stored ones in the database's id order. The two are never
   * compared with each other, so paging does not depend on the database's collation. Cursor keys:
   * {@code b<n>} is the next built-in item's position, {@code s<id>} the last stored id seen.
   */
  protected Page<R> listBuiltInsFirst(
      String scope, List<R> builtIns, Function<R, String> idOf, String cursor, int limit) {
    String key = Cursors.decode(scope, cursor);
    int nextBuiltIn = 0;
    String storedCursor = null;
    if (key != null) {
      try {
        if (key.startsWith("b")) {
          nextBuiltIn = Integer.parseInt(key.substring(1));
        } else if (key.startsWith("s")) {
          nextBuiltIn = builtIns.size();
          storedCursor = Cursors.encode(listScope(Map.of()), key.substring(1));
        } else {
          throw new NumberFormatException(key);
        }
      } catch (NumberFormatException e) {
        throw Cursors.invalid();
      }
    }
    List<R> items = new ArrayList<>();
    while (nextBuiltIn < builtIns.size() && items.size() < limit) {
      items.add(builtIns.get(nextBuiltIn++));
    }
    if (items.size() == limit) {
      boolean more = nextBuiltIn < builtIns.size() || repository().count() > 0;
      return new Page<>(items, more ? Cursors.encode(scope, "b" + nextBuiltIn) : null);
    }
    Page<R> stored = list(storedCursor, limit - items.size(), Map.of());
    items.addAll(stored.items());
    String next =
        stored.nextCursor() == null
            ? null
            : Cursors.encode(scope, "s" + idOf.apply(items.get(items.size() - 1)));
    return new Page<>(items, next);
  }

  /** What a cursor of this list is bound to: the kind and the filters given. */
  protected String listScope(Map<String, Object> filters) {
    return kind() + filters.toString();
  }
}
