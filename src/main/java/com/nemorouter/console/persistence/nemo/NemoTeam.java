package com.nemorouter.console.persistence.nemo;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * {@code nemo.teams}. The organization is a plain UUID column, not an association: the console
 * compares it with LiteLLM's text copy and must never lazy-load across it.
 */
@Entity
@Table(schema = "nemo", name = "teams")
public class NemoTeam {

    @Id
    @Column(name = "team_id")
    private UUID teamId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected NemoTeam() {
    }

    public NemoTeam(UUID teamId, UUID organizationId, String name, OffsetDateTime createdAt) {
        this.teamId = teamId;
        this.organizationId = organizationId;
        this.name = name;
        this.createdAt = createdAt;
    }

    public UUID getTeamId() {
        return teamId;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
