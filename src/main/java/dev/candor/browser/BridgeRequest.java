package dev.candor.browser;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One message a page sent through the bridge, after its origin, size, type and version were
 * checked: {@code payload} is the page's JSON (never null; JSON null if absent), {@code origin}
 * the origin of the frame that sent it.
 */
public record BridgeRequest(String type, int version, JsonNode payload, Origin origin) {}
