package com.nemorouter.console.persistence.nemo;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

import com.nemorouter.console.persistence.litellm.LiteLlmTeam;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JoinFormula;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

/**
 * {@code nemo.teams}. The organization id stays a plain column too (the console compares it with LiteLLM's text
 * copy, and writes set it); {@link #getOrganization()} is the read-only association over the same column.
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

    /** nemo's own foreign key, so the row is always there; lazy, and never written through. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id", insertable = false, updatable = false)
    private NemoOrganization organization;

    /** The LiteLLM team with the same id as text; null when LiteLLM lacks it (see NemoOrganization#liteLlm). */
    // ManyToOne, though it is one-to-one: Hibernate 7.4's @OneToOne binder fails on a @JoinFormula (NPE in
    // ToOneBinder.isMappedToPrimaryKey). The join is on the twin's primary key, so at most one row matches.
    @ManyToOne(fetch = FetchType.EAGER)
    @NotFound(action = NotFoundAction.IGNORE)
    @JoinFormula(value = "cast(team_id as text)", referencedColumnName = "team_id")
    private LiteLlmTeam liteLlm;

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

    public NemoOrganization getOrganization() {
        return organization;
    }

    /** The LiteLLM twin, or empty when LiteLLM lacks the team. */
    public Optional<LiteLlmTeam> getLiteLlm() {
        return Optional.ofNullable(liteLlm);
    }
}
