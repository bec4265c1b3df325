package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.nemorouter.console.persistence.SharedIds;
import com.nemorouter.console.persistence.auth.AuthUser;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.JoinFormula;
import org.hibernate.annotations.NotFound;
import org.hibernate.annotations.NotFoundAction;
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

    /**
     * The Supabase user with the same UUID. Only the canonical lowercase spelling joins: an uppercase LiteLLM id
     * would match the uuid column after a cast, but every text join in LiteLLM misses it, so the console shows it
     * as missing here too; LiteLLM's own ids ({@code default_user_id}) join nothing instead of failing the cast.
     * Missing users are normal (NotFound IGNORE), which makes this eager: queries join-fetch it.
     */
    @ManyToOne(fetch = FetchType.EAGER)
    @NotFound(action = NotFoundAction.IGNORE)
    @JoinFormula(value = "case when user_id ~ '" + SharedIds.CANONICAL_UUID_REGEX
            + "' then cast(user_id as uuid) end", referencedColumnName = "id")
    private AuthUser authUser;

    @OneToMany(mappedBy = "user")
    private Set<LiteLlmOrganizationMembership> memberships = new LinkedHashSet<>();

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

    /** The auth user with exactly this id, or empty (missing, or this id is not its canonical spelling). */
    public Optional<AuthUser> getAuthUser() {
        return Optional.ofNullable(authUser);
    }

    public Set<LiteLlmOrganizationMembership> getMemberships() {
        return Collections.unmodifiableSet(memberships);
    }
}
