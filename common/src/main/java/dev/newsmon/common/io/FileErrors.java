package dev.newsmon.common.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

/**
 * Says in words why a file could not be read. The JDK's file exceptions carry only the path as their message
 * ({@code NoSuchFileException: nope.yaml}), which printed alone names the file but not what is wrong with it.
 */
public final class FileErrors {
    private FileErrors() {
    }

    /** The reason alone, for a message that names the file already: "no such file", "permission denied". */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null && !f.getReason().isBlank()) {
            return f.getReason().substring(0, 1).toLowerCase(Locale.ROOT) + f.getReason().substring(1);
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    /** The reason and the file: "no such file: nope.jsonl"; the message alone when it names no file. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            return reason(e) + ": " + f.getFile();
        }
        return reason(e);
    }
}
