package com.nemorouter.console.membership;

import java.util.List;

/**
 * Bad input found against the database (unknown org, team or user, already a member, not a member):
 * the transaction rolled back and nothing was written. The command line exits 2 for it.
 */
public class EditRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public EditRefused(String message) {
        super(message);
    }

    /** A team add of users who are not members of the team's organization; the UI offers to add them. */
    public static final class NotInOrganization extends EditRefused {

        private static final long serialVersionUID = 1L;

        private final transient List<String> userIds;
        private final String organizationId;

        public NotInOrganization(String organizationId, List<String> userIds) {
            super("not a member of the team's organization " + organizationId + ": " + String.join(", ", userIds)
                    + " (add them to the organization first, or in the same edit)");
            this.organizationId = organizationId;
            this.userIds = List.copyOf(userIds);
        }

        public List<String> userIds() {
            return userIds;
        }

        public String organizationId() {
            return organizationId;
        }
    }
}
