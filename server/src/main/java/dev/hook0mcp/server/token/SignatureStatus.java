package dev.hook0mcp.server.token;

/** Outcome of checking a token's signature chain against a Hook0 instance's public key. */
public enum SignatureStatus {
    /** Every block is signed in an unbroken chain from the given root key. */
    VERIFIED,
    /**
     * The signatures do not match the given key: the token was issued by another Hook0 instance (or altered).
     * The caller should say "this token was not issued by the Hook0 instance at HOOK0_API_URL".
     */
    INVALID,
    /** biscuit-java could not check this token (or the key is unusable); the online probe is authoritative. */
    UNCHECKED
}
