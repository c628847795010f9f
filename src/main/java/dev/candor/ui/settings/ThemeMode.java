package dev.candor.ui.settings;

/** The look a person chose: always light, always dark, or whatever the operating system uses. */
public enum ThemeMode {
    LIGHT,
    DARK,
    SYSTEM
}
