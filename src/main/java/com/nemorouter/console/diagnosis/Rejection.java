package com.nemorouter.console.diagnosis;

/**
 * What the customer most likely saw: LiteLLM's error body {@code {"error": {"message", "type", "code"}}}
 * with the HTTP status equal to {@code code}, for the LiteLLM version assumed.
 */
public record Rejection(CheckId check, int status, String type, String message) {
}
