package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
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
}
