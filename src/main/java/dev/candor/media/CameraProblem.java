package dev.candor.media;

/** Why there is no camera picture; each is shown to people as its own clear state. */
public enum CameraProblem {
    NO_CAMERA,
    BUSY,
    PERMISSION_DENIED,
    UNAVAILABLE
}
