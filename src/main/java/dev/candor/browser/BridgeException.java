package dev.candor.browser;

/**
 * A refusal the page sees as its promise's rejection, with a code and a message meant for the
 * page's developer (never message content).
 */
public final class BridgeException extends Exception {
    public static final int BAD_MESSAGE = 400;
    public static final int FORBIDDEN = 403;
    public static final int UNKNOWN_TYPE = 404;
    public static final int TOO_LARGE = 413;
    public static final int WRONG_VERSION = 426;
    public static final int FAILED = 500;

    private final int code;

    public BridgeException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
