package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * {@code LiteLLM_TeamTable}. {@code members_with_roles} is kept as raw JSON because real rows hold
 * either an array or the column default {@code {}}, and a rewrite must preserve what it does not change.
 */
@Entity
@Table(schema = "litellm", name = "`LiteLLM_TeamTable`")
public class LiteLlmTeam {

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Column(name = "team_alias")
    private String teamAlias;

    @Column(name = "organization_id")
    private String organizationId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "members_with_roles", nullable = false)
    private JsonNode membersWithRoles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    private JsonNode metadata;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "models")
    private String[] models;

    @Column(name = "max_budget")
    private Double maxBudget;

    @Column(name = "spend", nullable = false)
    private double spend;

    @Column(name = "blocked", nullable = false)
    private boolean blocked;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    /**
     * LiteLLM's own foreign key (ON DELETE SET NULL), so a non-null id always has its row. Read-only over the
     * same column as {@link #getOrganizationId()}, which the console compares with nemo's copy.
     */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private LiteLlmOrganization organization;

    protected LiteLlmTeam() {
    }

    public String getTeamId() {
        return teamId;
    }

    public String getTeamAlias() {
        return teamAlias;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public JsonNode getMembersWithRoles() {
        return membersWithRoles;
    }

    public JsonNode getMetadata() {
        return metadata;
    }

    public Double getMaxBudget() {
        return maxBudget;
    }

    public double getSpend() {
        return spend;
    }

    public boolean isBlocked() {
        return blocked;
    }

    public LocalDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** The LiteLLM organization, or null when the team has none. */
    public LiteLlmOrganization getOrganization() {
        return organization;
    }
}
