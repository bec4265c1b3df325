package com.nemorouter.console.integrity.repair;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.presence.Ids;

import jakarta.persistence.EntityManager;


/** What the repairs share: precondition reads, bound parameters, planned audit values, id spelling. */
final class RepairSql {

    private RepairSql() {
    }

    /** The one text value {@code sql} selects for {@code :id}, if it finds a row. */
    static Optional<String> single(EntityManager em, String sql, String id) {
        List<String> rows = SqlRows.select(em, sql, String.class).setParameter("id", id)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** The count {@code sql} selects with {@code parameters} bound. */
    static long count(EntityManager em, String sql, Map<String, Object> parameters) {
        var query = SqlRows.select(em, sql, Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** The text values {@code sql} selects for {@code :value}. */
    static List<String> strings(EntityManager em, String sql, String value) {
        return SqlRows.select(em, sql, String.class).setParameter("value", value)
                .getResultList();
    }

    /** Bound parameters in the order given: name, value, name, value, … */
    static Map<String, Object> parameters(String name, Object value, Object... more) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(name, value);
        for (int i = 0; i < more.length; i += 2) {
            map.put(String.valueOf(more[i]), more[i + 1]);
        }
        return map;
    }

    /** A planned audit value: a JSON object of the given names and values. */
    static String object(String... namesAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            node.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return node.toString();
    }

    static String canonical(String id) {
        return Ids.asUuid(id).map(UUID::toString)
                .orElseThrow(() -> new IllegalArgumentException(id + " is not a UUID: no safe repair."));
    }

    static String requireCanonical(String id) {
        if (!Ids.isCanonicalUuid(id)) {
            throw new IllegalArgumentException(id + " is not a lowercase canonical UUID: repair non_canonical_id first.");
        }
        return id;
    }
}
