package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code LiteLLM_OrganizationTable}: LiteLLM's side of an organization; the id is the org UUID as text. */
@Entity
@Table(schema = "litellm", name = "`LiteLLM_OrganizationTable`")
public class LiteLlmOrganization {

    @Id
    @Column(name = "organization_id")
    private String organizationId;

    @Column(name = "organization_alias", nullable = false)
    private String organizationAlias;

    @Column(name = "budget_id", nullable = false)
    private String budgetId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    private JsonNode metadata;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "models")
    private String[] models;

    @Column(name = "spend", nullable = false)
    private double spend;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    /** The org's teams as LiteLLM records them ({@code LiteLLM_TeamTable.organization_id}, a foreign key). */
    @OneToMany(mappedBy = "organization")
    private Set<LiteLlmTeam> teams = new LinkedHashSet<>();

    /** Who belongs to the org: LiteLLM's membership rows are the only record of it. */
    @OneToMany(mappedBy = "organization")
    private Set<LiteLlmOrganizationMembership> memberships = new LinkedHashSet<>();

    protected LiteLlmOrganization() {
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String getOrganizationAlias() {
        return organizationAlias;
    }

    public String getBudgetId() {
        return budgetId;
    }

    public JsonNode getMetadata() {
        return metadata;
    }

    public String[] getModels() {
        return models == null ? null : models.clone();
    }

    public double getSpend() {
        return spend;
    }

    public LocalDateTime getCreatedAt() {
        return createdAt;
    }

    public Set<LiteLlmTeam> getTeams() {
        return Collections.unmodifiableSet(teams);
    }

    public Set<LiteLlmOrganizationMembership> getMemberships() {
        return Collections.unmodifiableSet(memberships);
    }
}
