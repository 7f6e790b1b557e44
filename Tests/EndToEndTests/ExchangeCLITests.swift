import Foundation
import XCTest

/// The real binary: a calendar file made again after a session moved, or a seat was given up,
/// updates the events python's `icalendar` reads instead of adding new ones; `offers export`
/// writes the separator of the user's spreadsheet.
final class ExchangeCLITests: EndToEndTestCase {
    func calendar(_ id: String, _ name: String) throws -> [[String: String]] {
        let file = root.appendingPathComponent(name)
        let result = try stepwise(["calendar", id, "--output", file.path], environment: ["STEPWISE_TIMEZONE": "Europe/Copenhagen"])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try parse(file).filter { $0["uid"]?.hasPrefix("o-move-") ?? false }
    }

    func testAMovedSessionAndAGivenUpSeatUpdateTheCalendarInsteadOfDuplicating() throws {
        try makeDemo()
        let id = try XCTUnwrap(participantFiles().first?.object["id"] as? String)
        let csv = root.appendingPathComponent("offer.csv")
        try
            ("sep=;\r\nid;title;kind;capacity;sessions;place\r\n"
            + "o-move;Værksted;Workshop;5;1.2.2027 10.00-12.00|8.2.2027 10.00-12.00;Jobhuset\r\n").write(
                to: csv, atomically: true, encoding: .utf8)
        var result = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(try stepwise(["book", id, "o-move"]).status, 0)
        let first = try calendar(id, "first.ics")
        XCTAssertEqual(first.count, 2)
        let uid = "o-move-20270201-1000@stepwise"
        let before = try XCTUnwrap(first.first { $0["uid"] == uid }, "\(first)")

        // The coach exports, moves the first session to 11:00 in the spreadsheet, imports.
        result = try stepwise(["offers", "export", "--lang", "da"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}id;title;kind;"), "semicolons for a Danish spreadsheet")
        XCTAssertTrue(result.stdout.contains(";workshop;"), "the kind typed as a word is the built-in kind")
        let moved = result.stdout.replacingOccurrences(of: "2027-02-01 10:00-12:00", with: "2027-02-01 11:00-12:00")
        XCTAssertNotEqual(moved, result.stdout)
        try moved.write(to: csv, atomically: true, encoding: .utf8)
        result = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        let second = try calendar(id, "second.ics")
        XCTAssertEqual(second.count, 2, "\(second)")
        let after = try XCTUnwrap(second.first { $0["uid"] == uid }, "\(second)")
        XCTAssertEqual(after["start"], "2027-02-01T11:00:00+01:00")
        XCTAssertGreaterThan(Int(after["sequence"] ?? "") ?? 0, Int(before["sequence"] ?? "") ?? 0)

        // The seat is given up: the events stay, cancelled, with the same UIDs.
        XCTAssertEqual(try stepwise(["unbook", id, "o-move"]).status, 0)
        let third = try calendar(id, "third.ics")
        XCTAssertEqual(Set(third.compactMap { $0["uid"] }), Set(first.compactMap { $0["uid"] }))
        XCTAssertEqual(third.map { $0["status"] ?? "" }, ["CANCELLED", "CANCELLED"])
        XCTAssertGreaterThan(Int(third.first { $0["uid"] == uid }?["sequence"] ?? "") ?? 0, Int(after["sequence"] ?? "") ?? 0)
    }

    func testOffersExportWritesTheSeparatorOfTheUsersSpreadsheet() throws {
        try makeDemo()
        for (arguments, environment, header) in [
            (["--lang", "da"], [:], "id;title;kind"), (["--lang", "sv"], [:], "id;title;kind"), (["--lang", "de"], [:], "id;title;kind"),
            (["--lang", "en"], [:], "id,title,kind"), ([], ["LANG": "de_DE.UTF-8", "LC_ALL": ""], "id;title;kind"),
            ([], ["LANG": "en_GB.UTF-8", "LC_ALL": ""], "id,title,kind"), (["--lang", "da", "--separator", ","], [:], "id,title,kind"),
            (["--lang", "en", "--separator", "tab"], [:], "id\ttitle\tkind"),
        ] as [([String], [String: String], String)] {
            let result = try stepwise(["offers", "export"] + arguments, environment: environment)
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertTrue(result.stdout.hasPrefix("\u{FEFF}" + header), "\(arguments) \(environment): \(result.stdout.prefix(40))")
        }
    }
}
