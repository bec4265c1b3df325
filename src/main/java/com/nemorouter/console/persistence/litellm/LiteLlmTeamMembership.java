package com.nemorouter.console.persistence.litellm;

import java.io.Serializable;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** {@code LiteLLM_TeamMembership}: per-member spend; newest LiteLLM writes one per roster member. */
@Entity
@IdClass(LiteLlmTeamMembership.Key.class)
@Table(schema = "litellm", name = "`LiteLLM_TeamMembership`")
public class LiteLlmTeamMembership {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Id
    @Column(name = "team_id")
    private String teamId;

    @Column(name = "spend", nullable = false)
    private double spend;

    @Column(name = "budget_id")
    private String budgetId;

    protected LiteLlmTeamMembership() {
    }

    public String getUserId() {
        return userId;
    }

    public String getTeamId() {
        return teamId;
    }

    public double getSpend() {
        return spend;
    }

    public record Key(String userId, String teamId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
