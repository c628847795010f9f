package dev.candor.ai.models;

/**
 * A model could not be downloaded, verified, imported or installed. The message is for the user
 * and says what to do; nothing half-installed is left under the model's name.
 */
public class ModelInstallException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModelInstallException(String message) {
        super(message);
    }

    public ModelInstallException(String message, Throwable cause) {
        super(message, cause);
    }
}
