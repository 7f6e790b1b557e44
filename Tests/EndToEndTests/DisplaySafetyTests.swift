import Foundation
import StepwiseCore
import XCTest

/// Text from records and files never drives the terminal: every command that prints data shows
/// control and bidirectional characters as `\u{XX}` (JSON as `\uXXXX`), while the records keep
/// what was typed. CSV and iCalendar are data formats and are written as they are.
final class DisplaySafetyTests: EndToEndTestCase {
    /// ESC starting an OSC that sets the window title, ended by BEL; a one-character CSI (U+009B);
    /// a right-to-left override (U+202E).
    private let hostile = "Evil\u{1B}]0;pwned\u{07}\u{9B}31m\u{202E}gnp.exe"
    /// The raw bytes that must never reach standard output or error.
    private let raw: [(String, [UInt8])] = [("ESC", [0x1B]), ("BEL", [0x07]), ("U+009B", [0xC2, 0x9B]), ("U+202E", [0xE2, 0x80, 0xAE])]
    private let shown = "Evil\\u{1B}]0;pwned\\u{7}\\u{9B}31m\\u{202E}gnp.exe"

    private func assertSafe(_ result: CLIResult, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for (name, bytes) in raw {
            XCTAssertNil(result.stdoutData.range(of: Data(bytes)), "\(what): raw \(name) on standard output", file: file, line: line)
            XCTAssertNil(Data(result.stderr.utf8).range(of: Data(bytes)), "\(what): raw \(name) on standard error", file: file, line: line)
        }
    }

    /// The demo data, a participant and an offer whose texts hold `hostile`, booked together.
    private func hostileData() throws -> (participant: String, offer: String) {
        try makeDemo()
        let store = DataStore(root: data)
        let now = Date()
        var citizen = Participant(
            id: "p-hostile", name: "Name " + hostile, language: "en",
            courseStart: Day.today.adding(days: -10), by: Stamp(by: "Anna", at: now))
        citizen.notes = [
            ProgressNote(
                id: "n-1", kind: .note, sessionId: nil, tags: [],
                text: Words("Note " + hostile, author: .coach, by: "Anna", at: now))
        ]
        try store.save(citizen)
        let csv = root.appendingPathComponent("hostile.csv")
        let day = E2E.isoDay(addingDays: 20)
        try Data(
            "id,title,kind,capacity,waitlist,sessions,place\r\no-hostile,\"Title \(hostile)\",workshop,1,,\(day) 10:00-12:00,\"Place \(hostile)\"\r\n"
                .utf8
        ).write(to: csv)
        let imported = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        assertSafe(imported, "offers import")
        return (citizen.id, "o-hostile")
    }

    func testCommandsThatPrintDataEscapeControlCharacters() throws {
        let (person, offer) = try hostileData()
        // The records keep what was typed.
        let stored = try DataStore(root: data).loadOffer(offer)
        XCTAssertEqual(stored.title, "Title " + hostile)
        XCTAssertEqual(try DataStore(root: data).loadParticipant(person).name, "Name " + hostile)

        let booked = try stepwise(["book", person, offer])
        XCTAssertEqual(booked.status, 0, booked.stderr)
        assertSafe(booked, "book")
        XCTAssertEqual(booked.stdout, "booked: \(person) in \"Title \(shown)\" (\(offer)), seat 1 of 1\n")
        let again = try stepwise(["book", person, offer])
        XCTAssertEqual(again.status, 1)
        assertSafe(again, "book (refused)")
        XCTAssertTrue(again.stderr.contains("\"Title \(shown)\""), again.stderr)

        let offersList = try stepwise(["offers", "list"])
        assertSafe(offersList, "offers list")
        XCTAssertTrue(offersList.stdout.contains("Title \(shown)"), offersList.stdout)
        let offersJSON = try stepwise(["offers", "list", "--json"])
        assertSafe(offersJSON, "offers list --json")
        let offers = try XCTUnwrap(JSONSerialization.jsonObject(with: offersJSON.stdoutData) as? [[String: Any]])
        XCTAssertEqual(offers.first { $0["id"] as? String == offer }?["title"] as? String, "Title " + hostile, "JSON decodes to the data")

        let list = try stepwise(["list"])
        assertSafe(list, "list")
        XCTAssertTrue(list.stdout.contains("Name Evil\\u{1B}]0;pwned\\u{7}"), "the name, cut to its column: \(list.stdout)")
        let listJSON = try stepwise(["list", "--json"])
        assertSafe(listJSON, "list --json")
        let caseload = try XCTUnwrap(JSONSerialization.jsonObject(with: listJSON.stdoutData) as? [[String: Any]])
        XCTAssertEqual(caseload.first { $0["id"] as? String == person }?["name"] as? String, "Name " + hostile)

        for format in ["text", "markdown", "html"] {
            let summary = try stepwise(["summary", person, "--format", format])
            XCTAssertEqual(summary.status, 0, summary.stderr)
            assertSafe(summary, "summary --format \(format)")
            XCTAssertTrue(summary.stdout.contains("\\u{202E}gnp.exe"), "summary --format \(format) shows the override")
        }

        let text = try stepwise(["export", person, "--format", "text"])
        XCTAssertEqual(text.status, 0, text.stderr)
        assertSafe(text, "export --format text")
        XCTAssertTrue(text.stdout.contains("Note \(shown)"), text.stdout)
        let json = try stepwise(["export", person])
        assertSafe(json, "export")
        let copy = try XCTUnwrap(JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        XCTAssertEqual((copy["record"] as? [String: Any])?["name"] as? String, "Name " + hostile, "the copy holds the data as typed")

        let unbooked = try stepwise(["unbook", person, offer])
        XCTAssertEqual(unbooked.status, 0, unbooked.stderr)
        assertSafe(unbooked, "unbook")
        XCTAssertEqual(unbooked.stdout, "unbooked: \(person) from \"Title \(shown)\" (\(offer))\n")

        // CSV is data: the cell is exported as typed, for a spreadsheet to read back.
        let csv = try stepwise(["offers", "export"])
        XCTAssertNotNil(csv.stdoutData.range(of: Data(("Title " + hostile).utf8)), "CSV keeps the data")
    }

    /// In a real terminal (tmux): an OSC in an offer title or a name must not set the window's
    /// title, whichever command shows it, data formats (CSV, iCalendar) included.
    func testNoCommandSetsTheTerminalTitle() throws {
        let (person, offer) = try hostileData()
        XCTAssertEqual(try stepwise(["book", person, offer]).status, 0)
        let commands = [
            ["offers", "list"], ["offers", "list", "--json"], ["offers", "export"], ["list"], ["calendar", person],
            ["summary", person], ["export", person, "--format", "text"], ["export", person],
            ["unbook", person, offer], ["book", person, offer], ["book", person, offer],
        ]
        for arguments in commands {
            let run = try startTUI(arguments + ["--data", data.path], keepShell: true)
            XCTAssertNotNil(run.waitForExit(), arguments.joined(separator: " "))
            let title = Tmux.tmux(["display-message", "-p", "-t", run.tmux.name, "#{pane_title}"]).stdout
            XCTAssertFalse(title.contains("pwned"), "stepwise \(arguments.joined(separator: " ")) set the terminal's title")
            run.tmux.kill()
        }
    }

    func testMessagesAboutFilesAndCellsEscapeThem() throws {
        try makeDemo()
        // A file whose name holds control characters, and a cell that is not a number.
        let strange = data.appendingPathComponent("participants/\(hostile).json")
        try Data("{}".utf8).write(to: strange)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: strange.path)
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 1)
        assertSafe(check, "check")
        XCTAssertTrue(check.stdout.contains(shown), check.stdout)

        let csv = root.appendingPathComponent("bad.csv")
        try Data("title,kind,capacity\r\nA,workshop,\"\(hostile)\"\r\n".utf8).write(to: csv)
        let imported = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(imported.status, 1)
        assertSafe(imported, "offers import (bad cell)")

        let list = try stepwise(["list"])
        assertSafe(list, "list (unreadable file)")
    }

    /// `check` names the file, the field and the form expected, never the value found: its
    /// output is mailed from cron.
    func testCheckNamesTheFieldNotTheValue() throws {
        try makeDemo()
        let secret = "SECRET-\(UUID().uuidString.prefix(8))"
        let file = try XCTUnwrap(participantFiles().first)
        var object = file.object
        object["courseStart"] = secret
        try JSONSerialization.data(withJSONObject: object).write(to: file.url)
        let other = try XCTUnwrap(participantFiles().last)
        var renamed = other.object
        renamed["id"] = "p-" + secret.lowercased()
        try JSONSerialization.data(withJSONObject: renamed).write(to: other.url)
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 1, check.stdout)
        XCTAssertTrue(check.stdout.contains("field 'courseStart': expected a date like 2026-03-02"), check.stdout)
        XCTAssertTrue(check.stdout.contains("field 'id': does not match the file name"), check.stdout)
        XCTAssertNil(check.stdout.range(of: secret, options: .caseInsensitive), check.stdout)
        XCTAssertNil(check.stderr.range(of: secret, options: .caseInsensitive), check.stderr)
    }
}
