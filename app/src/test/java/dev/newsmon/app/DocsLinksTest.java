package dev.newsmon.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every relative link of the user docs (README.md, CHANGELOG.md, docs/) points at a file that exists, and a link
 * to a heading (#anchor) at a heading that exists, so moving a page or renaming a section cannot leave a reader at
 * a dead end.
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** [text](target): the target up to a space (a title may follow) or the closing parenthesis. */
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)[^)]*\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} +(.+?) *#*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*```");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> docs = docs();
        assertTrue(docs.size() >= 10, "README.md, CHANGELOG.md and the pages of docs/: " + docs);
        List<String> broken = new ArrayList<>();
        for (Path doc : docs) {
            for (String target : links(doc)) {
                if (target.matches("^[a-z][a-z0-9+.-]*:.*")) {
                    continue; // http:, https:, mailto:
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path resolved = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such file)");
                } else if (hash >= 0 && resolved.toString().endsWith(".md")
                        && !anchors(resolved).contains(target.substring(hash + 1))) {
                    broken.add(ROOT.relativize(doc) + ": " + target + " (no such heading)");
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void theCheckFindsABrokenLinkAndABrokenAnchor() throws IOException {
        Path dir = Files.createTempDirectory("docs-links");
        Path page = Files.writeString(dir.resolve("page.md"), "# A page\n\n## Two words\n\n[ok](#two-words) "
                + "[file](missing.md) [anchor](page.md#three-words)\n```\n[in code](nowhere.md)\n```\n");
        assertEquals(List.of("#two-words", "missing.md", "page.md#three-words"), links(page));
        assertEquals(Set.of("a-page", "two-words"), anchors(page));
    }

    private static List<Path> docs() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(ROOT.resolve("README.md"), ROOT.resolve("CHANGELOG.md")));
        try (Stream<Path> files = Files.walk(ROOT.resolve("docs"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        return docs;
    }

    /** Link targets outside fenced code blocks and inline code. */
    private static List<String> links(Path doc) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(doc)) {
            if (FENCE.matcher(line).find()) {
                inFence = !inFence;
                continue;
            }
            if (!inFence) {
                Matcher m = LINK.matcher(line.replaceAll("`[^`]*`", ""));
                while (m.find()) {
                    targets.add(m.group(1));
                }
            }
        }
        return targets;
    }

    /** GitHub's anchors of a page's headings: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path doc) throws IOException {
        boolean[] inFence = {false};
        return Files.readAllLines(doc).stream().filter(line -> {
            if (FENCE.matcher(line).find()) {
                inFence[0] = !inFence[0];
                return false;
            }
            return !inFence[0];
        }).map(HEADING::matcher).filter(Matcher::matches)
                .map(m -> m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
                .collect(Collectors.toSet());
    }
}
