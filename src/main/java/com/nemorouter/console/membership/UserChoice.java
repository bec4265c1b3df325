package com.nemorouter.console.membership;

/**
 * A user the picker offers: the Supabase id as LiteLLM spells it (lowercase text), email, full name.
 */
public record UserChoice(String userId, String email, String name) {

    /** What the picker and the selected list show. */
    public String label() {
        String who = email == null ? userId : email;
        return name == null || name.isBlank() ? who + "  ·  " + userId : name + " <" + who + ">  ·  " + userId;
    }
}
