package com.nemorouter.console.persistence.litellm;

import java.io.Serializable;
import java.time.LocalDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** {@code LiteLLM_OrganizationMembership}: the only record of who belongs to an organization. */
@Entity
@IdClass(LiteLlmOrganizationMembership.Key.class)
@Table(schema = "litellm", name = "`LiteLLM_OrganizationMembership`")
public class LiteLlmOrganizationMembership {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    @Column(name = "organization_id")
    private String organizationId;

    @Column(name = "user_role")
    private String userRole;

    @Column(name = "spend")
    private Double spend;

    @Column(name = "budget_id")
    private String budgetId;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    /** Both are LiteLLM foreign keys (ON DELETE RESTRICT), so neither row can be missing. Read-only views of the key. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private LiteLlmOrganization organization;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
    private LiteLlmUser user;

    protected LiteLlmOrganizationMembership() {
    }

    public String getUserId() {
        return userId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getUserRole() {
        return userRole;
    }

    public LiteLlmOrganization getOrganization() {
        return organization;
    }

    public LiteLlmUser getUser() {
        return user;
    }

    public record Key(String userId, String organizationId) implements Serializable {
        public Key() {
            this(null, null);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(userId, key.userId)
                    && Objects.equals(organizationId, key.organizationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, organizationId);
        }
    }
}
