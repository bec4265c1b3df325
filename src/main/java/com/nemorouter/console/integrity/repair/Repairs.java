package com.nemorouter.console.integrity.repair;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import com.nemorouter.console.integrity.AuditCheck;

/** Which checks have a safe repair, and which. Checks not listed have none. */
public final class Repairs {

    private static final Map<AuditCheck, Repair> BY_CHECK = new EnumMap<>(AuditCheck.class);

    static {
        BY_CHECK.put(AuditCheck.ORG_MISSING_IN_LITELLM, new CreateLiteLlmOrganization());
        BY_CHECK.put(AuditCheck.ORG_MISSING_IN_NEMO, new CreateNemoOrganization());
        BY_CHECK.put(AuditCheck.TEAM_MISSING_IN_LITELLM, new CreateLiteLlmTeam());
        BY_CHECK.put(AuditCheck.TEAM_MISSING_IN_NEMO, new CreateNemoTeam());
        BY_CHECK.put(AuditCheck.TEAM_ORG_MISMATCH, new AlignTeamOrganization());
        BY_CHECK.put(AuditCheck.ROSTER_TEAMS_DRIFT, new AddTeamsEntry());
        BY_CHECK.put(AuditCheck.ROSTER_MEMBERSHIP_DRIFT, new AddTeamMembership());
        BY_CHECK.put(AuditCheck.NON_CANONICAL_ID, new LowercaseId());
    }

    private Repairs() {
    }

    /** The repair of {@code check}'s findings, if it has one. */
    public static Optional<Repair> of(AuditCheck check) {
        return Optional.ofNullable(BY_CHECK.get(check));
    }
}
