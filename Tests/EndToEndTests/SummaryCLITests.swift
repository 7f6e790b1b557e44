import Foundation
import StepwiseCore
import XCTest

/// `stepwise summary` run as a script would: formats, languages, files, messages and exit
/// statuses.
final class SummaryCLITests: EndToEndTestCase {
    /// The demo caseload as (id, name, language), in list order.
    func people() throws -> [(id: String, name: String, language: String)] {
        try makeDemo()
        return participantFiles().compactMap { file in
            guard let id = file.object["id"] as? String, let name = file.object["name"] as? String,
                let language = file.object["language"] as? String
            else { return nil }
            return (id, name, language)
        }
    }

    /// A language as the English messages name it: "Danish", not "da".
    func languageName(_ code: String) -> String { Locale(identifier: "en").localizedString(forLanguageCode: code) ?? code }

    func testHelpTexts() throws {
        for command in ["summary", "calendar"] {
            let result = try stepwise([command, "--help"], data: false)
            XCTAssertEqual(result.status, 0)
            XCTAssertTrue(result.stdout.hasPrefix("Usage: stepwise \(command) PARTICIPANT"), result.stdout)
            XCTAssertTrue(result.stdout.contains("Exit status"), result.stdout)
        }
        let main = try stepwise(["--help"], data: false)
        for command in ["summary", "calendar"] { XCTAssertTrue(main.stdout.contains("  \(command) "), main.stdout) }
    }

    func testTextToStandardOutputInTheCitizensLanguage() throws {
        let everyone = try people()
        for person in everyone {
            let result = try stepwise(["summary", person.id])
            XCTAssertEqual(result.status, 0, result.stderr)
            let pages = result.stdout.components(separatedBy: "\u{0C}")
            let title = ["en": "My plan: ", "da": "Min plan: ", "sv": "Min plan: ", "de": "Mein Plan: "][person.language] ?? "My plan: "
            let label = ["en": "page 1 of", "da": "side 1 af", "sv": "sida 1 av", "de": "Seite 1 von"][person.language] ?? "page 1 of"
            XCTAssertTrue(result.stdout.hasPrefix(title + person.name), "\(person.language): \(result.stdout.prefix(200))")
            XCTAssertTrue(pages[0].split(separator: "\n").first?.hasSuffix(label + " \(pages.count)") ?? false, result.stdout)
            for line in result.stdout.split(separator: "\n") {
                XCTAssertLessThanOrEqual(line.replacingOccurrences(of: "\u{0C}", with: "").count, 72, "too wide: \(line)")
            }
            for page in pages { XCTAssertLessThanOrEqual(page.split(separator: "\n", omittingEmptySubsequences: false).count, 61) }
            // The caseload screen never shows other citizens' names; neither does a summary.
            for other in everyone where other.id != person.id {
                XCTAssertFalse(result.stdout.contains(other.name), "\(person.name)'s summary names \(other.name)")
            }
        }
    }

    func testLanguageFormatsAndFiles() throws {
        let person = try XCTUnwrap(try people().first)
        var result = try stepwise(["summary", person.id, "--lang", "de", "--format", "markdown"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("# Mein Plan: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("\n## Meine Ziele und Schritte\n"), result.stdout)

        result = try stepwise(["summary", person.id, "--lang", "sv", "--format", "html"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix("</html>\n"))

        let file = root.appendingPathComponent("summary.html")
        result = try stepwise(["summary", person.id, "--format", "html", "--output", file.path], umask: "000")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(
            result.stdout, "wrote the summary of \(person.id) to \(file.path): html, language \(languageName(person.language))\n")
        XCTAssertEqual(try attributes(file), 0o600, "a summary is personal data: 0600 whatever the umask")

        let text = root.appendingPathComponent("summary.txt")
        result = try stepwise(["summary", person.id, "--output", text.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let written = try String(contentsOf: text, encoding: .utf8)
        let pages = written.components(separatedBy: "\u{0C}").count
        XCTAssertEqual(
            result.stdout,
            "wrote the summary of \(person.id) to \(text.path): text, \(pages) page\(pages == 1 ? "" : "s"), language \(languageName(person.language))\n"
        )
        XCTAssertEqual(written, try stepwise(["summary", person.id]).stdout, "the file holds what standard output shows")
    }

    func testBadUsageExitsWithTwo() throws {
        let person = try XCTUnwrap(try people().first)
        let cases: [([String], String)] = [
            (["summary"], "stepwise: 'summary' needs a participant id\nTry 'stepwise --help'.\n"),
            (
                ["summary", "../etc/passwd"],
                "stepwise: '../etc/passwd' is not a valid participant id (see 'stepwise list')\nTry 'stepwise summary --help'.\n"
            ),
            (
                ["summary", person.id, "--format", "docx"],
                "stepwise: --format must be text, markdown, html or pdf, not 'docx'\nTry 'stepwise summary --help'.\n"
            ),
            (["summary", person.id, "--printer", "X"], "stepwise: --printer goes with --print\nTry 'stepwise summary --help'.\n"),
            (
                ["summary", person.id, "--print", "--format", "html"],
                "stepwise: --print prints the PDF; leave out --format or use --format pdf\nTry 'stepwise summary --help'.\n"
            ),
            (
                ["summary", person.id, "--lang", "fi"],
                "stepwise: no strings for language 'fi'; available: da, de, en, sv\nTry 'stepwise summary --help'.\n"
            ),
            (["summary", person.id, "--bogus"], "stepwise: unknown option '--bogus' for 'summary'\nTry 'stepwise --help'.\n"),
            (
                ["calendar", "Not-An-Id"],
                "stepwise: 'Not-An-Id' is not a valid participant id (see 'stepwise list')\nTry 'stepwise calendar --help'.\n"
            ),
            (["calendar", person.id, "--format", "ics"], "stepwise: unknown option '--format' for 'calendar'\nTry 'stepwise --help'.\n"),
        ]
        for (arguments, message) in cases {
            let result = try stepwise(arguments)
            XCTAssertEqual(result.status, 2, "\(arguments)")
            XCTAssertEqual(result.stdout, "", "\(arguments)")
            XCTAssertEqual(result.stderr, message, "\(arguments)")
        }
    }

    func testFailuresExitWithOne() throws {
        var result = try stepwise(["summary", "p-nobody"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("stepwise: no data folder at "), result.stderr)

        let person = try XCTUnwrap(try people().first)
        result = try stepwise(["summary", "p-nobody"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: unknown participant 'p-nobody'\n")
        result = try stepwise(["calendar", "p-nobody"])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stderr, "stepwise: unknown participant 'p-nobody'\n")

        let nowhere = root.appendingPathComponent("no/such/folder/summary.txt").path
        result = try stepwise(["summary", person.id, "--output", nowhere])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stderr.hasPrefix("stepwise: could not write \(nowhere): "), result.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: nowhere))
    }

    func testACitizenLanguageWithoutStringsGivesEnglishWithANote() throws {
        let store = DataStore(root: data)
        try store.prepare()
        let participant = Participant(id: "p-finnish", name: "Aino", language: "fi", courseStart: .today, by: Stamp(by: "Anna", at: Date()))
        try store.save(participant)
        let result = try stepwise(["summary", "p-finnish"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("My plan: Aino"), result.stdout)
        XCTAssertEqual(result.stderr, "stepwise: note: there are no strings for 'fi', the language of p-finnish; written in English\n")
    }

    private func attributes(_ url: URL) throws -> Int {
        let mode = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? Int
        return try XCTUnwrap(mode)
    }
}
