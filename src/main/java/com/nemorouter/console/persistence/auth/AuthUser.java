package com.nemorouter.console.persistence.auth;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** {@code auth.users}: owned by Supabase Auth, so the console only reads it. */
@Entity
@Immutable
@Table(schema = "auth", name = "users")
public class AuthUser {

    @Id
    @Column(name = "id")
    private UUID id;

    @Column(name = "email")
    private String email;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "last_sign_in_at")
    private OffsetDateTime lastSignInAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_user_meta_data")
    private JsonNode rawUserMetaData;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "banned_until")
    private OffsetDateTime bannedUntil;

    protected AuthUser() {
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getLastSignInAt() {
        return lastSignInAt;
    }

    public JsonNode getRawUserMetaData() {
        return rawUserMetaData;
    }

    /** {@code raw_user_meta_data ->> 'full_name'}: what the sign-up form stored, or null. */
    public String getFullName() {
        JsonNode name = rawUserMetaData == null ? null : rawUserMetaData.get("full_name");
        return name == null || name.isNull() ? null : name.asText();
    }

    public OffsetDateTime getDeletedAt() {
        return deletedAt;
    }

    public OffsetDateTime getBannedUntil() {
        return bannedUntil;
    }
}
