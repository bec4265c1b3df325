package com.nemorouter.console.persistence.nemo;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code nemo.organizations}: NemoRouter's side of an organization, keyed by the one org UUID. */
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
}
