package dev.newsmon.broker;

import kafka.tools.StorageTool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Entry point of the broker's child JVM: formats the KRaft storage on first start, then runs the stock broker.
 * It exits when its standard input closes, so a parent that dies (even by kill -9) never leaves a broker behind.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: BrokerMain SERVER_PROPERTIES LOG_DIR CLUSTER_ID");
            System.exit(2);
        }
        String properties = args[0];
        Path logDir = Path.of(args[1]);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int rc = StorageTool.execute(new String[]{"format", "--cluster-id", args[2], "--config", properties},
                    System.out);
            if (rc != 0) {
                System.err.println("formatting KRaft storage in " + logDir + " failed with exit code " + rc);
                System.exit(rc);
            }
        }
        Thread watchdog = new Thread(BrokerMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(new String[]{properties});
    }

    private static void exitWhenParentGoes() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // The parent never writes; any byte is ignored and only end-of-stream matters.
            }
        } catch (IOException e) {
            System.err.println("parent pipe failed: " + e.getMessage());
        }
        // Without its parent nothing uses this broker, and its controlled shutdown takes seconds: it stops as a
        // crash does, which its next start recovers from.
        System.err.println("the parent process is gone; halting the broker");
        Runtime.getRuntime().halt(1);
    }
}
