package com.nemorouter.console.integrity;

/** Which side is right, for repairs where the user must decide (a team's organization). */
public enum RepairChoice {
    /** The only way to repair (no decision needed). */
    DEFAULT,
    /** The nemo schema is right: change LiteLLM to match. */
    NEMO_IS_RIGHT,
    /** LiteLLM is right: change nemo to match. */
    LITELLM_IS_RIGHT
}
