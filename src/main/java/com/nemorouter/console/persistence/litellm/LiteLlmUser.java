package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code LiteLLM_UserTable}: user_id is the Supabase auth UUID as lowercase text (or LiteLLM's own ids). */
@Entity
@Table(schema = "litellm", name = "`LiteLLM_UserTable`")
public class LiteLlmUser {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "user_alias")
    private String userAlias;

    @Column(name = "user_email")
    private String userEmail;

    @Column(name = "user_role")
    private String userRole;

    @Column(name = "organization_id")
    private String organizationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "teams")
    private String[] teams;

    @Column(name = "spend", nullable = false)
    private double spend;

    @Column(name = "max_budget")
    private Double maxBudget;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    private JsonNode metadata;

    @Column(name = "created_at")
    private LocalDateTime createdAt;

    @Column(name = "updated_at")
    private LocalDateTime updatedAt;

    protected LiteLlmUser() {
    }

    public String getUserId() {
        return userId;
    }

    public String getUserAlias() {
        return userAlias;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public String getUserRole() {
        return userRole;
    }

    public String getOrganizationId() {
        return organizationId;
    }

    public String[] getTeams() {
        return teams == null ? new String[0] : teams.clone();
    }

    public double getSpend() {
        return spend;
    }
}
