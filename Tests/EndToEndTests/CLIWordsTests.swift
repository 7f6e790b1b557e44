import Foundation
import StepwiseCore
import XCTest

/// What the command line writes for people to read, beyond its messages, speaks the language
/// set: the citizen's text copy of everything held about them (`export --format text`) and
/// each command's own help (`stepwise COMMAND --help`, `stepwise help COMMAND`). Run with the
/// real binary in English, Danish, Swedish and German.
final class CLIWordsTests: EndToEndTestCase {
    let languages = ["da", "sv", "de"]

    func table(_ language: String) throws -> [String: String] {
        let url = E2E.repo.appendingPathComponent("Resources/strings/\(language).json")
        return try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: String] ?? [:]
    }

    /// The demo participant with the most held about them.
    func fullestParticipant() throws -> String {
        try makeDemo()
        let ids = try stepwise(["list", "--ids"]).stdout.split(separator: "\n").map(String.init)
        var fullest = ("", 0)
        for id in ids {
            let size = try stepwise(["export", id]).stdoutData.count
            if size > fullest.1 { fullest = (id, size) }
        }
        return fullest.0
    }

    /// Each line's label (before ": " or a final ":") and value, without indentation and
    /// list numbers.
    func fields(_ text: String) -> [(label: String, value: String)] {
        text.split(separator: "\n").compactMap { line in
            var rest = line.drop { $0 == " " }
            if let dot = rest.firstIndex(of: "."), rest[..<dot].allSatisfy(\.isNumber), !rest[..<dot].isEmpty {
                rest = rest[rest.index(after: dot)...].drop { $0 == " " }
            }
            if rest.hasSuffix(":") { return (String(rest.dropLast()), "") }
            guard let colon = rest.range(of: ": ") else { return nil }
            return (String(rest[..<colon.lowerBound]), String(rest[colon.upperBound...]))
        }
    }

    /// Nothing in the text copy is left in English or in code form: every field's name is the
    /// language's, no value is an English word the language says otherwise (codes, yes, no,
    /// none), and no date or time is left in ISO form.
    func testTheTextCopySpeaksTheLanguageSet() throws {
        let id = try fullestParticipant()
        let english = try table("en")
        let exportKeys = english.keys.filter { $0.hasPrefix("export.") }
        let codePrefixes = [
            "audit.", "author.", "consent.information.", "goal.kind.", "session.kind.", "note.kind.", "milestone.", "contact.",
            "outcome.", "offer.kind.", "jobs.method.", "follow.reason.", "who.", "facilitator.", "conversation.status.",
            "step.status.", "jobs.status.", "followUp.", "attendance.", "tag.",
        ]
        let codeKeys = english.keys.filter { key in codePrefixes.contains { key.hasPrefix($0) } }
        let englishText = try stepwise(["export", id, "--format", "text"], environment: ["STEPWISE_LANG": "en"]).stdout
        XCTAssertTrue(englishText.hasPrefix("Everything Stepwise holds about you\n"), englishText)
        XCTAssertTrue(englishText.contains("Course start: "), "English keeps its names")

        for language in languages {
            let local = try table(language)
            // English words this language says differently (and never uses itself).
            let keys = exportKeys + codeKeys
            let foreign = Set(keys.compactMap { english[$0] }).subtracting(keys.compactMap { local[$0] })
            let result = try stepwise(
                ["export", id, "--format", "text"], environment: ["STEPWISE_LANG": language, "STEPWISE_TIMEZONE": "Europe/Stockholm"])
            XCTAssertEqual(result.status, 0, result.stderr)
            let text = result.stdout
            XCTAssertTrue(text.hasPrefix((local["export.title"] ?? "?") + "\n"), "\(language): \(text.prefix(200))")
            for section in ["record", "planHistory", "bookings", "drafts", "auditLog", "unreadableOffers"] {
                XCTAssertTrue(text.contains("\n" + (local["export.section.\(section)"] ?? "?") + "\n"), "\(language): \(section)")
            }
            var left: [String] = []
            for (label, value) in fields(text) {
                if foreign.contains(label) { left.append("label '\(label)'") }
                if foreign.contains(value) { left.append("value '\(value)' of \(label)") }
                if label.range(of: #"^[a-z]+[A-Z][A-Za-z]*$"#, options: .regularExpression) != nil { left.append("key '\(label)'") }
            }
            for pattern in [#"\d{4}-\d{2}-\d{2}"#, #"\d{2}:\d{2}:\d{2}Z"#] {
                if let range = text.range(of: pattern, options: .regularExpression) { left.append("ISO '\(text[range])'") }
            }
            XCTAssertEqual(left, [], "\(language): English or codes left in the text copy")
            XCTAssertTrue(text.contains("Europe/Stockholm"), "\(language): the copy says the zone of its times")
        }
    }

    /// The citizen's text copy is for reading, in every language: its first lines say the JSON
    /// copy is the complete one for programs; it holds no ids, no order numbers, no format
    /// version, no seconds and no empty fields; every line fits 80 columns, long texts wrapped
    /// under their label.
    func testTheTextCopyIsForReading() throws {
        let id = try fullestParticipant()
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: try stepwise(["export", id]).stdoutData) as? [String: Any])
        let record = try XCTUnwrap(json["record"] as? [String: Any])
        let note = try XCTUnwrap((record["notes"] as? [[String: Any]])?.first)
        let noteId = try XCTUnwrap(note["id"] as? String)
        for language in ["en"] + languages {
            let local = try table(language)
            let text = try stepwise(
                ["export", id, "--format", "text"], environment: ["STEPWISE_LANG": language, "STEPWISE_TIMEZONE": "Europe/Copenhagen"]
            ).stdout
            let head = text.components(separatedBy: "\n\n").prefix(2).joined(separator: " ").replacingOccurrences(of: "\n", with: " ")
            XCTAssertTrue(head.contains("JSON") && head.contains("Europe/Copenhagen"), "\(language): \(head)")
            for kept in [id, noteId, "x-demo-", (local["export.field.sequence"] ?? "?") + ":", (local["export.field.schemaVersion"] ?? "?") + ":"] {
                XCTAssertNil(text.range(of: kept), "\(language): '\(kept)' in the text copy")
            }
            XCTAssertNil(text.range(of: #"\d{2}:\d{2}:\d{2}"#, options: .regularExpression), "\(language): seconds")
            let none = ": " + (local["export.none"] ?? "?") + "\n"
            XCTAssertNil(text.range(of: none), "\(language): an empty field said in words")
            let wide = text.split(separator: "\n").filter { DisplayWidth.of(String($0)) > 80 }
            XCTAssertEqual(wide, [], "\(language): lines wider than 80 columns")
        }
    }

    /// Every command's help is in the language set, and `help COMMAND` says the same; a scan
    /// fails on English words left in it (the manual page stays English).
    func testEachCommandsHelpIsInTheLanguageSet() throws {
        let commands = try stepwise(["help", "--table"], data: false).stdout.split(separator: "\n")
            .map { $0.components(separatedBy: "\t") }.filter { $0.count == 7 && $0[1] == "" && $0[2] == "command" }.map { $0[0] }
        XCTAssertGreaterThan(commands.count, 10)
        let usage = ["da": "Brug: stepwise ", "sv": "Användning: stepwise ", "de": "Aufruf: stepwise "]
        let englishWords = try NSRegularExpression(
            pattern: #"\b(the|and|or|of|with|when|which|is|are|not|from|only|each|every|into|Usage|Exit status|prints|writes)\b"#)
        for language in languages {
            for command in commands {
                let help = try stepwise([command, "--help"], data: false, environment: ["STEPWISE_LANG": language])
                XCTAssertEqual(help.status, 0, help.stderr)
                XCTAssertTrue(help.stdout.hasPrefix((usage[language] ?? "?") + command), "\(language) \(command): \(help.stdout)")
                XCTAssertEqual(
                    try stepwise(["help", command], data: false, environment: ["STEPWISE_LANG": language]).stdout, help.stdout,
                    "\(language) \(command)")
                // Options and JSON keys are names, not words (--from, --to).
                let scanned = help.stdout.replacingOccurrences(of: #"--[a-z-]+"#, with: "", options: .regularExpression)
                let found = englishWords.matches(in: scanned, range: NSRange(scanned.startIndex..., in: scanned)).compactMap {
                    Range($0.range, in: scanned).map { String(scanned[$0]) }
                }
                XCTAssertEqual(found, [], "\(language) \(command): English left in the help:\n\(help.stdout)")
            }
            XCTAssertEqual(
                try stepwise(["export", "--help", "--lang", language], data: false).stdout,
                try stepwise(["export", "--help"], data: false, environment: ["STEPWISE_LANG": language]).stdout, "--lang sets it too")
        }
    }

    /// Every line of the overview and of every command's help fits a terminal of 80 columns
    /// (display columns) in every language: usage lines, options and tables included.
    func testEveryLineOfTheHelpFits80Columns() throws {
        let commands = try stepwise(["help", "--table"], data: false).stdout.split(separator: "\n")
            .map { $0.components(separatedBy: "\t") }.filter { $0.count == 7 && $0[1] == "" && $0[2] == "command" }.map { $0[0] }
        var wide: [String] = []
        for language in ["en"] + languages {
            for arguments in [["--help"]] + commands.map { [$0, "--help"] } {
                let help = try stepwise(arguments, data: false, environment: ["STEPWISE_LANG": language])
                XCTAssertEqual(help.status, 0, help.stderr)
                for line in help.stdout.split(separator: "\n") where DisplayWidth.of(String(line)) > 80 {
                    wide.append("\(language) \(arguments[0]) (\(DisplayWidth.of(String(line)))): \(line)")
                }
            }
        }
        XCTAssertEqual(wide, [], "lines wider than 80 columns:\n" + wide.joined(separator: "\n"))
    }

    /// A usage line too wide for 80 columns breaks between options, never inside brackets,
    /// and goes on under the command's first argument.
    func testAWideUsageLineGoesOnUnderTheCommand() throws {
        for (language, command, start) in [("sv", "export", "Användning: stepwise export "), ("de", "report", "Aufruf: stepwise report ")] {
            let help = try stepwise([command, "--help"], data: false, environment: ["STEPWISE_LANG": language]).stdout
            try checkUsage(help, start: start.count)
        }
    }

    func checkUsage(_ help: String, start: Int) throws {
        let usage = help.components(separatedBy: "\n\n")[0].split(separator: "\n").map(String.init)
        XCTAssertGreaterThan(usage.count, 1, help)
        for line in usage.dropFirst() {
            XCTAssertEqual(line.prefix { $0 == " " }.count, start, "\(line)\n\(help)")
            XCTAssertTrue(line.dropFirst(start).hasPrefix("["), line)
        }
        for line in usage {
            var depth = 0
            for character in line {
                if character == "[" { depth += 1 }
                if character == "]" { depth -= 1 }
            }
            XCTAssertEqual(depth, 0, "a bracket is broken: \(line)")
            XCTAssertLessThanOrEqual(DisplayWidth.of(line), 80, line)
        }
    }
}
