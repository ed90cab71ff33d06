package dev.hook0mcp.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * One Hook0 problem (RFC 7807, {@code problems.rs}): id, status, title, detail, and the validation errors
 * for 422. Titles and details are Hook0's.
 */
public record Problem(String id, int status, String title, String detail, JsonNode validation) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static Problem authNoAuthorizationHeader() {
        return new Problem("AuthNoAuthorizationHeader", 401,
                "No `Authorization` header was found in the HTTP request",
                "`Authorization` header must be provided and must contain a bearer token.", null);
    }

    public static Problem authInvalidAuthorizationHeader() {
        return new Problem("AuthInvalidAuthorizationHeader", 400, "`Authorization` header is invalid",
                "`Authorization` header value could not be decoded as a valid UTF-8 string containing `Bearer {UUID}`.",
                null);
    }

    public static Problem authInvalidBiscuit() {
        return new Problem("AuthInvalidBiscuit", 403, "Invalid Biscuit",
                "The provided authentication token (Biscuit) is not valid, was not created using the current private key or is expired.",
                null);
    }

    public static Problem forbidden() {
        return new Problem("Forbidden", 403, "Insufficient rights",
                "You don't have the right to access or edit this resource.", null);
    }

    public static Problem notFound() {
        return new Problem("NotFound", 404, "Item not found",
                "Could not find the item. Check the identifier or that you have the right to access it.", null);
    }

    public static Problem validation(String detail, JsonNode errors) {
        return new Problem("Validation", 422, "Provided input is malformed", detail, errors);
    }

    public static Problem jsonPayload(String detail) {
        return new Problem("JsonPayload", 400, "Provided body could not be decoded as JSON", detail, null);
    }

    public static Problem eventTypeDoesNotExist() {
        return new Problem("EventTypeDoesNotExist", 400, "Invalid event type",
                "Event type does not exist or was deactivated. You should (re)create it.", null);
    }

    public static Problem eventAlreadyIngested() {
        return new Problem("EventAlreadyIngested", 409, "Event already Ingested",
                "This event was previously ingested and recorded inside Hook0 service.", null);
    }

    public static Problem eventInvalidPayloadContentType(List<String> valid) {
        return new Problem("EventInvalidPayloadContentType", 400, "Invalid event payload content type",
                "The specified event payload content type is not handled. Valid content types are: "
                        + String.join(", ", valid), null);
    }

    public static Problem eventInvalidBase64Payload(String error) {
        return new Problem("EventInvalidBase64Payload", 400, "Invalid event base64 payload",
                "Event payload is not encoded in valid base64 format: " + error, null);
    }

    public static Problem eventInvalidJsonPayload(String error) {
        return new Problem("EventInvalidJsonPayload", 400, "Invalid event JSON payload",
                "Event payload is not encoded in valid JSON format: " + error + ".", null);
    }

    public static Problem labelsAmbiguity() {
        return new Problem("LabelsAmbiguity", 400, "Ambiguous labels specification",
                "You must specify either the `labels` property as an object with a least one property (recommended) or separated `label_key` and `label_value` properties as strings (legacy), but not both.",
                null);
    }

    public static Problem invalidDateRange() {
        return new Problem("InvalidDateRange", 400, "Invalid date range",
                "'from' date must not be after 'to' date.", null);
    }

    public static Problem unauthorizedWorkers(List<String> workers) {
        return new Problem("UnauthorizedWorkers", 400,
                "Some of the provided dedicated workers are not authorized for your organization",
                "You do not have access to the following workers: " + String.join(", ", workers), null);
    }

    public static Problem serviceUnavailable() {
        return new Problem("ServiceUnavailable", 503, "Service unavailable",
                "Hook0 is temporarily unable to handle this request. Please retry later.", null);
    }

    public static Problem internalServerError() {
        return new Problem("InternalServerError", 500, "Something wrong happened",
                "Hook0 server had issue handling your request. Our team was notified.", null);
    }

    /** The catalogue served by {@code GET /api/v1/errors}. */
    public static List<Problem> catalogue() {
        return List.of(authNoAuthorizationHeader(), authInvalidAuthorizationHeader(), authInvalidBiscuit(),
                forbidden(), notFound(), validation("", null), jsonPayload(""), eventTypeDoesNotExist(),
                eventAlreadyIngested(), eventInvalidPayloadContentType(List.of()), eventInvalidBase64Payload(""),
                eventInvalidJsonPayload(""), labelsAmbiguity(), invalidDateRange(), unauthorizedWorkers(List.of()),
                serviceUnavailable(), internalServerError());
    }

    public ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("type", "https://documentation.hook0.com/reference/error-codes#" + id.toLowerCase(Locale.ROOT));
        node.put("status", status);
        node.put("title", title);
        node.put("detail", detail);
        node.put("id", id);
        node.set("validation", validation == null ? JsonNodeFactory.instance.nullNode() : validation);
        return node;
    }
}
