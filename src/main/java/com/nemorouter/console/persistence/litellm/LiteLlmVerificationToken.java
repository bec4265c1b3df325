package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;
import org.hibernate.type.SqlTypes;

/** {@code LiteLLM_VerificationToken}: a virtual key, stored only as the SHA-256 hex digest of {@code sk-...}. */
@Entity
@Table(schema = "litellm", name = "`LiteLLM_VerificationToken`")
public class LiteLlmVerificationToken {

    @Id
    @Column(name = "token")
    private String token;

    @Column(name = "key_name")
    private String keyName;

    @Column(name = "key_alias")
    private String keyAlias;

    @Column(name = "spend", nullable = false)
    private double spend;

    @Column(name = "expires")
    private LocalDateTime expires;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "models")
    private String[] models;

    @Column(name = "user_id")
    private String userId;

    @Column(name = "team_id")
    private String teamId;

    @Column(name = "organization_id")
    private String organizationId;

    @Column(name = "budget_id")
    private String budgetId;

    @Column(name = "blocked")
    private Boolean blocked;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    /**
     * The key's team and user. LiteLLM gives these columns no foreign key, so a key may name a deleted team or
     * user: NotFound IGNORE reads that as null (and makes them eager; queries join-fetch them).
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @NotFound(action = NotFoundAction.IGNORE)
    @JoinColumn(name = "team_id", insertable = false, updatable = false)
    private LiteLlmTeam team;

    @ManyToOne(fetch = FetchType.EAGER)
    @NotFound(action = NotFoundAction.IGNORE)
    @JoinColumn(name = "user_id", insertable = false, updatable = false)
    private LiteLlmUser user;

    protected LiteLlmVerificationToken() {
    }

    public String getToken() {
        return token;
    }

    public String getKeyName() {
        return keyName;
    }

    public String getKeyAlias() {
        return keyAlias;
    }

    public LocalDateTime getExpires() {
        return expires;
    }

    public String getUserId() {
        return userId;
    }

    public String getTeamId() {
        return teamId;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public boolean isBlocked() {
        return Boolean.TRUE.equals(blocked);
    }

    /** The team the key names, or null (none, or LiteLLM lacks it: see {@link #getTeamId()}). */
    public LiteLlmTeam getTeam() {
        return team;
    }

    /** The user the key names, or null (none, or LiteLLM lacks it). */
    public LiteLlmUser getUser() {
        return user;
    }
}
