import Foundation
import StepwiseCore

/// Fits help text (`stepwise --help`, `stepwise COMMAND --help`) into the columns of a
/// terminal in every language: a line wider than that is wrapped with the lines that carry
/// it on, and what follows the break goes under where the line's text began.
///
/// - A usage line (`Usage: stepwise NAME [--option VALUE] …`, in the first paragraph) breaks
///   only between its options and arguments, never inside brackets, and goes on under the
///   command's first argument.
/// - A line of two columns (`--option VALUE    what it does`, `  key   meaning`) goes on under
///   its second column.
/// - Other text goes on at its own indent, the lines after it in the same paragraph filled again.
enum HelpLayout {
    /// The width help text is made for: a terminal's standard 80 columns (display columns,
    /// `DisplayWidth`).
    static let width = 80

    /// `text` with every line at most `width` display columns wide, where words allow.
    static func fit(_ text: String, width: Int = HelpLayout.width) -> String {
        let lines = text.components(separatedBy: "\n")
        var fitted: [String] = []
        var usage = true
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.trimmingCharacters(in: .whitespaces).isEmpty { usage = false }
            guard DisplayWidth.of(line) > width, let head = Head(line, usage: usage) else {
                fitted.append(line)
                continue
            }
            var words = head.words(String(line.dropFirst(head.prefix.count)))
            while index < lines.count, head.isContinued(by: lines[index]) {
                words += head.words(String(lines[index].drop { $0 == " " }))
                index += 1
            }
            fitted += fill(words, first: head.prefix, hang: head.hang, width: width)
        }
        return fitted.joined(separator: "\n")
    }

    /// `words` filled into lines of at most `width` columns (a word wider than a line gets one
    /// of its own), the first after `first`, the others after `hang` spaces.
    private static func fill(_ words: [String], first: String, hang: Int, width: Int) -> [String] {
        let indent = String(repeating: " ", count: hang)
        var lines: [String] = []
        var line = first
        var empty = true
        for word in words {
            let candidate = empty ? line + word : line + " " + word
            if empty || DisplayWidth.of(candidate) <= width {
                line = candidate
                empty = false
                continue
            }
            lines.append(line)
            line = indent + word
        }
        lines.append(line)
        return lines
    }

    /// How a line that is too wide goes on: what stays before its words (`prefix`), where
    /// the lines after it begin (`hang`, in columns), how it splits into words, and which
    /// lines after it carry it on.
    private struct Head {
        enum Kind { case usage, columns, text }
        let kind: Kind
        let prefix: String
        let hang: Int

        init?(_ line: String, usage: Bool) {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            if usage, let start = Head.usageStart(characters, indent: indent) {
                (kind, hang) = (.usage, start)
            } else if let second = Head.secondColumn(characters, indent: indent) {
                (kind, hang) = (.columns, second)
            } else {
                // An indented line is an item of a list: it goes on further in.
                (kind, hang) = (.text, indent == 0 ? 0 : indent + 2)
            }
            guard hang < characters.count else { return nil }
            prefix = String(characters[..<hang])
        }

        /// Where the arguments of a usage line begin: after `stepwise` and the command's
        /// (and subcommand's) name, or at its indent on a line that goes on with options.
        private static func usageStart(_ characters: [Character], indent: Int) -> Int? {
            let line = String(characters)
            if characters.dropFirst(indent).first == "[" { return indent }
            guard let program = line.range(of: "stepwise ") else { return nil }
            var start = line.distance(from: line.startIndex, to: program.upperBound)
            // The command's and a subcommand's names are lowercase words.
            while start < characters.count, let first = characters[start...].first, first.isLowercase {
                let word = characters[start...].prefix { $0 != " " }
                start += word.count + 1
            }
            return start
        }

        /// Where the second column of a line of two begins: after the first run of two or
        /// more spaces that follows text.
        private static func secondColumn(_ characters: [Character], indent: Int) -> Int? {
            var index = indent
            while index < characters.count - 2 {
                if characters[index] != " ", characters[index + 1] == " ", characters[index + 2] == " " {
                    var start = index + 1
                    while start < characters.count, characters[start] == " " { start += 1 }
                    return start < characters.count ? start : nil
                }
                index += 1
            }
            return nil
        }

        /// A usage line's options and arguments (brackets kept whole), or a text's words (the
        /// parts of a spaced abbreviation, "z. B.", "d. h.", kept together).
        func words(_ text: String) -> [String] {
            guard kind == .usage else {
                var words: [String] = []
                for word in text.split(separator: " ") {
                    if let last = words.last, Head.isAbbreviation(last), Head.isAbbreviation(word) {
                        words[words.count - 1] += " " + word
                    } else {
                        words.append(String(word))
                    }
                }
                return words
            }
            var words: [String] = []
            var word = ""
            var depth = 0
            for character in text {
                if character == " ", depth == 0 {
                    if !word.isEmpty { words.append(word) }
                    word = ""
                    continue
                }
                if character == "[" { depth += 1 }
                if character == "]" { depth -= 1 }
                word.append(character)
            }
            if !word.isEmpty { words.append(word) }
            return words
        }

        /// Whether `word` is a letter and a full stop ("z.", "B."), or ends with one: a part of a
        /// spaced abbreviation such as "z. B." or "d. h.".
        private static func isAbbreviation(_ word: some StringProtocol) -> Bool {
            let tail = Array(word.suffix(3))
            guard tail.count >= 2, tail[tail.count - 1] == ".", tail[tail.count - 2].isLetter else { return false }
            return tail.count == 2 || !tail[0].isLetter
        }

        /// Whether `line` carries this one on: it begins at `hang` and is not an item of its
        /// own (a usage line's next form, a line of two columns, an option).
        func isContinued(by line: String) -> Bool {
            let characters = Array(line)
            let indent = characters.prefix { $0 == " " }.count
            guard indent < characters.count else { return false }
            // A usage line's options go on under it, however far they were indented.
            if kind == .usage { return indent > 0 && characters[indent] == "[" }
            return indent == hang && characters[indent] != "-" && Head.secondColumn(characters, indent: indent) == nil
        }
    }
}
