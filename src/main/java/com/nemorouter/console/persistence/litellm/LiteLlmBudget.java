package com.nemorouter.console.persistence.litellm;

import java.time.LocalDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** {@code LiteLLM_BudgetTable}: every LiteLLM organization needs one before it can exist. */
@Entity
@Table(schema = "litellm", name = "`LiteLLM_BudgetTable`")
public class LiteLlmBudget {

    @Id
    @Column(name = "budget_id")
    private String budgetId;

    @Column(name = "max_budget")
    private Double maxBudget;

    @Column(name = "soft_budget")
    private Double softBudget;

    @Column(name = "budget_duration")
    private String budgetDuration;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    protected LiteLlmBudget() {
    }

    public LiteLlmBudget(String budgetId, String createdBy, LocalDateTime nowUtc) {
        this.budgetId = budgetId;
        this.createdBy = createdBy;
        this.updatedBy = createdBy;
        this.createdAt = nowUtc;
        this.updatedAt = nowUtc;
    }

    public String getBudgetId() {
        return budgetId;
    }

    public Double getMaxBudget() {
        return maxBudget;
    }

    public Double getSoftBudget() {
        return softBudget;
    }

    public String getBudgetDuration() {
        return budgetDuration;
    }
}
