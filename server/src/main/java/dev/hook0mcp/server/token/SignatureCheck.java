package dev.hook0mcp.server.token;

import java.util.Objects;

/**
 * @param status the outcome
 * @param detail one sentence for logs and {@code get_token_info}; never contains the token
 */
public record SignatureCheck(SignatureStatus status, String detail) {

    public SignatureCheck {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    public boolean isVerified() {
        return status == SignatureStatus.VERIFIED;
    }
}
