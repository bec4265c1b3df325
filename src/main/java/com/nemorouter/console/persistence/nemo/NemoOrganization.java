package com.nemorouter.console.persistence.nemo;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.JoinFormula;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;

/**
 * {@code nemo.organizations}: NemoRouter's side of an organization, keyed by the one org UUID. Its LiteLLM twin
 * is the {@code LiteLLM_OrganizationTable} row whose text id is this UUID: the shared id itself, no mapping table.
 */
@Entity
@Table(schema = "nemo", name = "organizations")
public class NemoOrganization {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "slug", nullable = false)
    private String slug;

    @Column(name = "plan", nullable = false)
    private String plan;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /**
     * The LiteLLM row with the same id. The join compares text (LiteLLM's id is TEXT), so only the lowercase
     * canonical spelling counts as the twin. A nemo org without one is drift the console must show, not an
     * error: NotFound IGNORE turns the missing row into null. Hibernate makes such an association eager, and
     * em.find fetches it with a second select, so queries that load organizations join-fetch it (one statement,
     * proven in EntityAssociationTest).
     */
    // ManyToOne, though it is one-to-one: Hibernate 7.4's @OneToOne binder fails on a @JoinFormula (NPE in
    // ToOneBinder.isMappedToPrimaryKey). The join is on the twin's primary key, so at most one row matches.
    @ManyToOne(fetch = FetchType.EAGER)
    @NotFound(action = NotFoundAction.IGNORE)
    @JoinFormula(value = "cast(organization_id as text)", referencedColumnName = "organization_id")
    private LiteLlmOrganization liteLlm;

    /** The org's teams as nemo records them ({@code nemo.teams.organization_id}, a real foreign key). */
    @OneToMany(mappedBy = "organization")
    private Set<NemoTeam> teams = new LinkedHashSet<>();

    protected NemoOrganization() {
    }

    public NemoOrganization(UUID organizationId, String name, String slug, String plan, OffsetDateTime createdAt) {
        this.organizationId = organizationId;
        this.name = name;
        this.slug = slug;
        this.plan = plan;
        this.createdAt = createdAt;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getPlan() {
        return plan;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    /** The LiteLLM twin (same UUID, as text), or empty when LiteLLM lacks the org. */
    public Optional<LiteLlmOrganization> getLiteLlm() {
        return Optional.ofNullable(liteLlm);
    }

    public Set<NemoTeam> getTeams() {
        return Collections.unmodifiableSet(teams);
    }
}
