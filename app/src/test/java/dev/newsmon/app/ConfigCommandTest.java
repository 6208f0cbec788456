package dev.newsmon.app;

import dev.newsmon.common.config.ConfigReference;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigCommandTest {
    @Test
    void printsTheReference() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, "config"));
        assertEquals(ConfigReference.markdown(), out.toString());
    }

    @Test
    void printsTheEffectiveValuesWithSecretsMasked() {
        StringWriter out = new StringWriter();
        assertEquals(0, run(out, "config", "--effective", "--set", "processor.dedup.window=3d",
                "--set", "kafka.sasl.jaas.config=org.example.Login required password=\"hunter2\";",
                "--bootstrap-servers", "broker.example:9092"));
        String text = out.toString();
        assertTrue(text.contains("processor.dedup.window=PT72H\n"), text);
        assertTrue(text.contains("shutdown.timeout=PT30S\n"), text);
        assertTrue(text.contains("kafka.bootstrap.servers=broker.example:9092\n"), text);
        assertTrue(text.contains("kafka.sasl.jaas.config=****\n"), text);
        assertFalse(text.contains("hunter2"), text);
    }

    @Test
    void aBadValueIsExit2() {
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setErr(new PrintWriter(err));
        assertEquals(Main.USAGE, cli.execute("config", "--effective", "--set", "shutdown.timeout=soon"));
        assertTrue(err.toString().contains("shutdown.timeout expects a duration"), err.toString());
    }

    private static int run(StringWriter out, String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        return cli.execute(args);
    }
}
