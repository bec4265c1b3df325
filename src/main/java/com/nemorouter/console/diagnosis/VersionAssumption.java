package com.nemorouter.console.diagnosis;

/**
 * The LiteLLM version a diagnosis assumed, and why.
 *
 * @param source e.g. {@code --litellm-version}, {@code the profile's LiteLLM version}, or
 *               {@code inferred from the schema: ...}
 */
public record VersionAssumption(LiteLlmVersion version, String source) {

    /** {@code v1.84 (--litellm-version)}: one phrase for the verdict and the JSON. */
    public String describe() {
        return version.text() + " (" + source + ")";
    }
}
