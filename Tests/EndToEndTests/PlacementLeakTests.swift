import Foundation
import StepwiseCore
import XCTest

/// One internship offer with two people placed, each with their own adjustments and
/// follow-up notes: every way out of the data folder shows a placement only to the citizen
/// it belongs to. The catalogue's `offers list` and `offers export` show neither; the
/// placed citizen's summary (text, Markdown, HTML, PDF), calendar and export show theirs
/// and never the other's; a third participant's show none; erasure takes one citizen's
/// placement and leaves the other's.
final class PlacementLeakTests: EndToEndTestCase {
    private let offer = "o-trial"

    /// Words that are in one placement only.
    private func marks(_ who: String) -> [String] { ["Adjust\(who)zq", "Mentor\(who)zq", "Said\(who)zq", "With\(who)zq"] }

    /// Alma and Bo hold seats in one internship, each with a placement; Carl holds the third seat.
    private func folder() throws {
        XCTAssertEqual(try stepwise(["init"]).status, 0)
        let store = DataStore(root: data)
        let today = Day.today
        var trial = Offer(
            id: offer, title: "Work trial at the bakery", kind: "internship", description: "Four weeks in a bakery",
            sessions: [OfferSession(day: today.adding(days: 14), start: "08:00", end: "12:00")], place: "Bakery", capacity: 3,
            language: "en")
        trial.internship = Internship(employer: "Bageri Sol", tasks: "Baking")
        trial.booked = ["p-alma", "p-bo", "p-carl"].map { Seat(participantId: $0, since: Date()) }
        try store.save(trial)
        for (id, name) in [("p-alma", "Alma"), ("p-bo", "Bo"), ("p-carl", "Carl")] {
            var person = Participant(id: id, name: name, language: "en", courseStart: today.adding(days: -30), by: Stamp(by: "Anna", at: Date()))
            if id != "p-carl" {
                let m = marks(name)
                person.placements[offer] = Placement(
                    start: today.adding(days: 14), end: today.adding(days: 42), hoursPerWeek: 12,
                    accommodations: Accommodations(shorterDays: true, mentor: m[1], other: m[0]),
                    followUps: [
                        FollowUpMeeting(day: today.adding(days: 18), time: "10:00", others: m[3], notes: m[2]),
                        FollowUpMeeting(day: today.adding(days: 25), others: m[3]),
                    ])
            }
            try store.save(person)
        }
    }

    private func assertHolds(_ text: String, only who: String?, _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        for name in ["Alma", "Bo"] {
            for mark in marks(name) {
                // The calendar holds who takes part, never what was said or agreed.
                let expected = name == who && (!what.hasPrefix("calendar") || mark.hasPrefix("With"))
                XCTAssertEqual(text.contains(mark), expected, "\(what): \(mark)\n\(text.prefix(3_000))", file: file, line: line)
            }
        }
    }

    func testOnlyThePlacedCitizenSeesTheirPlacementAnywhere() throws {
        try folder()
        for arguments in [["offers", "list"], ["offers", "list", "--json"], ["offers", "export"]] {
            let result = try stepwise(arguments)
            XCTAssertEqual(result.status, 0, result.stderr)
            assertHolds(result.stdout, only: nil, arguments.joined(separator: " "))
        }
        for (id, who) in [("p-alma", "Alma"), ("p-bo", "Bo"), ("p-carl", nil)] as [(String, String?)] {
            for format in ["text", "markdown", "html"] {
                let result = try stepwise(["summary", id, "--format", format])
                XCTAssertEqual(result.status, 0, result.stderr)
                assertHolds(result.stdout.replacingOccurrences(of: "\u{0C}", with: ""), only: who, "summary \(id) \(format)")
            }
            let pdf = root.appendingPathComponent("\(id).pdf")
            XCTAssertEqual(try stepwise(["summary", id, "--format", "pdf", "--output", pdf.path]).status, 0)
            assertHolds(try Poppler.run("pdftotext", [pdf.path, "-"]), only: who, "summary \(id) pdf")
            let calendar = try stepwise(["calendar", id])
            XCTAssertEqual(calendar.status, 0, calendar.stderr)
            assertHolds(calendar.stdout.replacingOccurrences(of: "\r\n ", with: ""), only: who, "calendar \(id)")
            XCTAssertEqual(
                calendar.stdout.components(separatedBy: "-\(offer)-followup-").count - 1, who == nil ? 0 : 2,
                "calendar \(id): their own two follow-up meetings")
            let export = try stepwise(["export", id])
            XCTAssertEqual(export.status, 0, export.stderr)
            assertHolds(export.stdout, only: who, "export \(id)")
        }
        // Erasing Alma takes her placement and leaves Bo's.
        XCTAssertEqual(try stepwise(["erase", "p-alma", "--yes"]).status, 0)
        let everything = try FileManager.default.subpathsOfDirectory(atPath: data.path).compactMap { path -> String? in
            try? String(contentsOf: data.appendingPathComponent(path), encoding: .utf8)
        }.joined(separator: "\n")
        for mark in marks("Alma") { XCTAssertFalse(everything.contains(mark), "erased: \(mark)") }
        for mark in marks("Bo") { XCTAssertTrue(everything.contains(mark), "kept: \(mark)") }
    }
}
