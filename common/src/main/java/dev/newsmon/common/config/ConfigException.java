package dev.newsmon.common.config;

/** A configuration that cannot be used. The message is one line, naming the key and where it came from. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
