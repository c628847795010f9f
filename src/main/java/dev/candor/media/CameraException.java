package dev.candor.media;

/** A camera could not be listed, opened or read; {@link #problem()} says what to tell people. */
public final class CameraException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient CameraProblem problem;

    public CameraException(CameraProblem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public CameraProblem problem() {
        return problem;
    }
}
