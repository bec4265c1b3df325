package com.nemorouter.console.integrity;

import java.util.List;

/**
 * One violation of the one-UUID rule found by an audit check.
 *
 * @param check      the check that found it (its {@link AuditCheck#id()} is part of the command-line contract)
 * @param entityType organization, team, user, key or column
 * @param entityId   the id the finding is about, exactly as stored
 * @param tables     the tables that disagree
 * @param detail     one sentence saying what is wrong
 * @param organizationId the organization the finding belongs to, or null (opening a finding opens it)
 * @param related    other ids involved (a team, the other side's organization): views use them for badges
 */
public record Finding(AuditCheck check, Severity severity, String entityType, String entityId, List<String> tables,
                      String detail, String organizationId, List<String> related) {

    public Finding {
        tables = List.copyOf(tables);
        related = List.copyOf(related);
    }

    /** True when the finding is about {@code id} or involves it. */
    public boolean concerns(String id) {
        return id != null && (id.equals(entityId) || id.equals(organizationId) || related.contains(id));
    }
}
