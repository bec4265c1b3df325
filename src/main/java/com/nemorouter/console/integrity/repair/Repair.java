package com.nemorouter.console.integrity.repair;

import java.util.List;

import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.RepairChoice;
import com.nemorouter.console.integrity.RepairPlan;

import jakarta.persistence.EntityManager;

/**
 * The safe fix of one audit check's findings ({@link Repairs#of}). A plan is exactly the statements that
 * will run; every statement is guarded ({@code where not exists}, {@code where ... is null}), so a plan
 * applied after someone else fixed the same drift changes nothing.
 */
public interface Repair {

    /**
     * The ways {@code finding} can be repaired; empty when no safe fix exists for it. No database access.
     * Most checks have exactly one fix.
     */
    default List<RepairChoice> choices(Finding finding) {
        return List.of(RepairChoice.DEFAULT);
    }

    /**
     * Reads what the fix needs (in the caller's read transaction) and returns its plan, with schema
     * placeholders in the SQL.
     *
     * @throws IllegalArgumentException when it cannot be repaired (now), saying why
     */
    RepairPlan plan(EntityManager em, Finding finding, RepairChoice choice);
}
