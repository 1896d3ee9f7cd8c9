package dev.lemma.app.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/// The book on disk: its folder, and its chapters in reading order as `book/README.md`'s table lists
/// them (number, title, what each needs first, week, status). Written chapters have a Markdown file;
/// planned ones only a row.
///
/// Files are read on every request, so that an author sees an edit on reload.
public final class Book {
    private static final Pattern LINKED_TITLE = Pattern.compile("\\[([^\\]]+)\\]\\(([^)]+\\.md)\\)\\s*(?::\\s*(.*))?");
    private static final Pattern PLAIN_TITLE = Pattern.compile("([^:]+)(?::\\s*(.*))?");
    private static final Pattern CELL_SPLIT = Pattern.compile("\\|");
    private static final Pattern LIST_SPLIT = Pattern.compile("\\s*,\\s*");

    private final Path directory;

    /// One row of the learning path.
    ///
    /// @param number the chapter number as the table writes it (`1`, `8+`, or empty)
    /// @param title the title
    /// @param summary what the chapter covers
    /// @param needs the numbers of the chapters to read first
    /// @param week the week of the ten-week path
    /// @param slug the URL name (the file name without `.md`), or empty for a planned chapter
    public record Chapter(
            String number, String title, String summary, List<String> needs, String week, Optional<String> slug) {

        /// Copies the lists.
        public Chapter {
            needs = List.copyOf(needs);
        }

        /// Whether the chapter has been written.
        ///
        /// @return true if it has a file
        public boolean written() {
            return slug.isPresent();
        }
    }

    /// Opens the book in a folder.
    ///
    /// @param directory the folder holding `README.md` and the chapters
    /// @throws IllegalArgumentException if the folder has no `README.md`
    public Book(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
        if (!Files.isRegularFile(this.directory.resolve("README.md"))) {
            throw new IllegalArgumentException("no book at " + this.directory + ": README.md is missing");
        }
    }

    /// Finds the book: `$lemmaHome/book` when the launcher passed the repository's root, else the
    /// first `book/` folder holding a `README.md` in the working directory or one of its parents.
    ///
    /// @param lemmaHome the repository root given by the launcher (`-Dlemma.home`), or null
    /// @param workingDirectory where to start looking otherwise
    /// @return the book
    /// @throws IllegalArgumentException saying where it looked, if there is no book there
    public static Book locate(String lemmaHome, Path workingDirectory) {
        List<Path> tried = new ArrayList<>();
        if (lemmaHome != null && !lemmaHome.isBlank()) {
            Path candidate = Path.of(lemmaHome).resolve("book");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return new Book(candidate);
            }
            tried.add(candidate);
        }
        for (Path p = workingDirectory.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("book");
            if (Files.isRegularFile(candidate.resolve("README.md"))) {
                return new Book(candidate);
            }
        }
        tried.add(workingDirectory.toAbsolutePath().normalize());
        throw new IllegalArgumentException("cannot find the book (a book/ folder with a README.md): looked in "
                + String.join(" and ", tried.stream().map(Path::toString).toList())
                + " and its parents; run lemma from the repository or through its ./lemma launcher");
    }

    /// The book's folder.
    ///
    /// @return the absolute path
    public Path directory() {
        return directory;
    }

    /// The repository the book belongs to (the book folder's parent): the root of the source view.
    ///
    /// @return the absolute path
    public Path repository() {
        Path parent = directory.getParent();
        return parent == null ? directory : parent;
    }

    /// The text of `README.md`.
    ///
    /// @return the Markdown
    public String readme() {
        return read(directory.resolve("README.md"));
    }

    /// Every chapter of the learning path, written or planned, in order.
    ///
    /// @return the chapters
    public List<Chapter> chapters() {
        List<Chapter> chapters = new ArrayList<>();
        List<String> header = null;
        for (String line : readme().lines().toList()) {
            if (!line.strip().startsWith("|")) {
                if (header != null && !chapters.isEmpty()) {
                    break;
                }
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                if (cells.contains("chapter") && cells.contains("title")) {
                    header = cells;
                }
            } else if (!cells.isEmpty() && !cells.getFirst().startsWith("-")) {
                chapters.add(chapter(header, cells));
            }
        }
        return chapters;
    }

    /// The written chapters, in order.
    ///
    /// @return the chapters that have a file
    public List<Chapter> written() {
        return chapters().stream().filter(Chapter::written).toList();
    }

    /// The written chapter with this URL name.
    ///
    /// @param slug the file name without `.md`
    /// @return the chapter, or empty
    public Optional<Chapter> find(String slug) {
        return written().stream()
                .filter(c -> c.slug().orElseThrow().equals(slug))
                .findFirst();
    }

    /// The Markdown of a written chapter.
    ///
    /// @param chapter the chapter
    /// @return its text
    public String markdown(Chapter chapter) {
        return read(directory.resolve(chapter.slug().orElseThrow() + ".md"));
    }

    /// The written chapter before or after this one.
    ///
    /// @param chapter a written chapter
    /// @param offset -1 for the previous one, +1 for the next
    /// @return the neighbour, or empty at either end
    public Optional<Chapter> neighbour(Chapter chapter, int offset) {
        List<Chapter> written = written();
        int i = written.indexOf(chapter) + offset;
        return i >= 0 && i < written.size() && written.contains(chapter)
                ? Optional.of(written.get(i))
                : Optional.empty();
    }

    private static List<String> cells(String line) {
        String s = line.strip();
        s = s.substring(1, s.endsWith("|") && s.length() > 1 ? s.length() - 1 : s.length());
        List<String> cells = new ArrayList<>();
        for (String cell : CELL_SPLIT.split(s, -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static String cell(List<String> header, List<String> cells, String name) {
        int i = header.indexOf(name);
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    private static Chapter chapter(List<String> header, List<String> cells) {
        String number = cell(header, cells, "chapter");
        String titleCell = cell(header, cells, "title");
        String needsCell = cell(header, cells, "needs");
        List<String> needs = needsCell.isBlank() || needsCell.equals("—") || needsCell.equals("-")
                ? List.of()
                : LIST_SPLIT.splitAsStream(needsCell.strip()).toList();
        Matcher linked = LINKED_TITLE.matcher(titleCell);
        if (linked.matches()) {
            String file = linked.group(2);
            String slug = file.substring(file.lastIndexOf('/') + 1, file.length() - ".md".length());
            return new Chapter(
                    number,
                    linked.group(1),
                    orEmpty(linked.group(3)),
                    needs,
                    cell(header, cells, "week"),
                    Optional.of(slug));
        }
        Matcher plain = PLAIN_TITLE.matcher(titleCell);
        String title = plain.matches() ? plain.group(1).strip() : titleCell;
        String summary = plain.matches() ? orEmpty(plain.group(2)) : "";
        return new Chapter(number, title, summary, needs, cell(header, cells, "week"), Optional.empty());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
