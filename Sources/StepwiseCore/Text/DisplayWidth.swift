import CStepwiseText

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How many terminal columns text takes, counted as the C library's `wcwidth(3)` and
/// `wcswidth(3)` count them: the same function that ncurses uses to place characters, and
/// that terminals such as tmux and xterm use to advance the cursor. The screen, the command
/// line's tables and the printed summary all measure with it, so what is measured is what
/// the terminal draws.
///
/// A character here is a Swift `Character` (an extended grapheme cluster, Unicode UAX #29);
/// its width is the sum of `wcwidth` over its scalars (`wcswidth`): "Å" is 1, "李" and "✅" are
/// 2, "🇩🇰" (two regional indicators of one column each) is 2, "👩‍👧" (woman, zero-width joiner,
/// girl) is 2 + 0 + 2 = 4, a combining accent adds 0.
///
/// `wcwidth` answers for non-ASCII characters only under a UTF-8 `LC_CTYPE`. So that the
/// answer never depends on the process's locale (tests, the benchmark and the command line do
/// not call `setlocale`), the C library is asked under its own `C.UTF-8` locale (made once with
/// `newlocale`, switched to per call with the thread-local `uselocale`); glibc's width table is
/// the same in every UTF-8 locale, so this is what ncurses counts after `setlocale(LC_ALL, "")`
/// in a UTF-8 locale. Where no UTF-8 locale can be made, the process's own locale is asked.
public enum DisplayWidth {
    /// Columns taken by one character (a grapheme cluster): the sum of `wcwidth` over its
    /// scalars, 0 or more. A character that holds a scalar the terminal cannot print (C0 and C1
    /// controls, DEL, the line and paragraph separators, unassigned code points: `wcwidth`
    /// gives -1) counts as one column: the screen shows it as "?" and the printout as a space.
    public static func of(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        return UTF8Locale.within { columns(character) }
    }

    /// Columns taken by a string: the sum over its characters.
    public static func of(_ text: String) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.count }
        return UTF8Locale.within { text.reduce(0) { $0 + columns($1) } }
    }

    /// Whether every scalar of `character` is printable (`wcwidth` is not -1).
    public static func isPrintable(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii < 0x7F }
        return UTF8Locale.within { character.unicodeScalars.allSatisfy { sw_wcwidth($0.value) >= 0 } }
    }

    /// The longest prefix of `text` that fits in `width` columns, and its width. With
    /// `atLeastOne`, a first character wider than `width` is taken anyway (so that breaking
    /// a word always makes progress).
    public static func prefix(_ text: some StringProtocol, fitting width: Int, atLeastOne: Bool = false) -> (text: String, width: Int) {
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width && !(atLeastOne && result.isEmpty) { break }
            result.append(character)
            used += w
        }
        return (result, used)
    }

    /// The longest prefix of `text` that fits in `width` columns, with "…" when cut.
    public static func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        return prefix(text, fitting: width - 1).text + "…"
    }

    /// `text` padded with spaces (or cut) to exactly `width` columns.
    public static func pad(_ text: String, to width: Int) -> String {
        let cut = truncate(text, to: width)
        return cut + String(repeating: " ", count: max(0, width - of(cut)))
    }

    /// The rows of a table as lines: each column as wide as its widest cell (at most its
    /// entry of `limits`, a longer cell ending with "…") and one space from the next, so that
    /// no two columns run into each other whatever the language; the last column is as it is.
    /// `limits` has one entry per column but the last (missing entries: no limit).
    public static func table(_ rows: [[String]], limits: [Int] = []) -> [String] {
        let columns = rows.map(\.count).max() ?? 0
        let widths = (0..<max(0, columns - 1)).map { column in
            min(limits.indices.contains(column) ? limits[column] : .max, rows.map { $0.indices.contains(column) ? of($0[column]) : 0 }.max() ?? 0)
        }
        return rows.map { row in
            row.enumerated().map { column, cell in widths.indices.contains(column) ? pad(cell, to: widths[column]) + " " : cell }.joined()
        }
    }

    /// Splits `text` into lines of at most `width` columns, breaking at spaces where it can
    /// (never inside a date or a time, `LocaleFormats.holdsTogether`) and inside a word only
    /// when the word alone is too long (a character wider than the whole line gets a line of
    /// its own).
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            for word in unbreakable(paragraph.split(separator: " ", omittingEmptySubsequences: false)) {
                var word = String(word)
                let candidate = line.isEmpty ? word : line + " " + word
                if of(candidate) <= width {
                    line = candidate
                    continue
                }
                if !line.isEmpty { lines.append(line) }
                if of(word) > width {
                    let cut = pieces(word, width: width)
                    lines += cut.dropLast()
                    word = cut.last ?? ""
                }
                line = word
            }
            lines.append(line)
        }
        return lines
    }

    /// `words` (split at single spaces) with those a line must not break between
    /// (`LocaleFormats.holdsTogether`) joined again by their space.
    public static func unbreakable(_ words: [Substring]) -> [String] {
        var joined: [String] = []
        for word in words {
            if let last = joined.last, LocaleFormats.holdsTogether(last, word) {
                joined[joined.count - 1] += " " + word
            } else {
                joined.append(String(word))
            }
        }
        return joined
    }

    /// `word` cut between characters into pieces of at most `width` columns, in one pass over
    /// it (linear in its length, however long); a character wider than `width` is a piece of
    /// its own. At least one piece, "" for an empty word.
    public static func pieces(_ word: some StringProtocol, width: Int) -> [String] {
        var pieces: [String] = []
        var current = ""
        var used = 0
        for character in word {
            let w = of(character)
            if used + w > width, !current.isEmpty {
                pieces.append(current)
                current = ""
                used = 0
            }
            current.append(character)
            used += w
        }
        if !current.isEmpty || pieces.isEmpty { pieces.append(current) }
        return pieces
    }

    /// `wcswidth` of one character, with -1 scalars counted as described at `of(_:)`; the
    /// caller has switched to the UTF-8 locale.
    private static func columns(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        var total = 0
        for scalar in character.unicodeScalars {
            let w = sw_wcwidth(scalar.value)
            if w < 0 { return 1 }
            total += Int(w)
        }
        return total
    }
}

/// The C library's `C.UTF-8` locale, made once, for asking `wcwidth` independently of the
/// process's `LC_CTYPE` (see `DisplayWidth`).
private enum UTF8Locale {
    /// `newlocale` result, or nil where the system has no UTF-8 locale under these names.
    nonisolated(unsafe) static let handle: locale_t? = {
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if let made = newlocale(LC_CTYPE_MASK, name, nil) { return made }
        }
        return nil
    }()

    /// Runs `body` with this thread's locale switched to `handle`, then switches back.
    static func within<T>(_ body: () -> T) -> T {
        guard let handle else { return body() }
        let previous = uselocale(handle)
        defer { uselocale(previous) }
        return body()
    }
}
