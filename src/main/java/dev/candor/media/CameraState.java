package dev.candor.media;

/** What the camera preview is doing, as shown to people. */
public enum CameraState {
    STOPPED,
    STARTING,
    LIVE,
    NO_CAMERA,
    BUSY,
    PERMISSION_DENIED,
    UNAVAILABLE;

    static CameraState of(CameraProblem problem) {
        return switch (problem) {
            case NO_CAMERA -> NO_CAMERA;
            case BUSY -> BUSY;
            case PERMISSION_DENIED -> PERMISSION_DENIED;
            case UNAVAILABLE -> UNAVAILABLE;
        };
    }
}
