package dev.newsmon.app.cli;

import dev.newsmon.common.config.ConfigReference;
import dev.newsmon.common.config.NewsmonConfig;
import dev.newsmon.common.config.Setting;
import dev.newsmon.common.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Prints the configuration reference (every key, its environment variable, type and default) "
                + "as a Markdown table.",
                "With --effective, validates the layers (defaults, --config file, NEWSMON_* variables, --set) and "
                        + "prints the resulting values as key=value lines, secrets masked; exit 2 on a bad value."})
public final class ConfigCommand implements Callable<Integer> {
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|jaas|token|credentials).*");

    @Mixin
    ConfigOptions options;

    @Spec
    CommandSpec spec;

    @Option(names = "--effective", description = "Print the values in effect instead of the reference.")
    boolean effective;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (!effective) {
            out.print(ConfigReference.markdown());
            out.flush();
            return 0;
        }
        NewsmonConfig config = options.load(Map.of());
        for (Setting<?> s : Settings.ALL) {
            out.println(s.key() + "=" + config.optional(s).map(Object::toString).orElse(""));
        }
        new TreeMap<>(config.kafka()).forEach((k, v) ->
                out.println(Settings.KAFKA_PREFIX + k + "=" + (SECRET.matcher(k).matches() ? "****" : v)));
        out.flush();
        return 0;
    }
}
