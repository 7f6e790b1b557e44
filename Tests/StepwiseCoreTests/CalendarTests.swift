import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// The iCalendar export: which events, stable UIDs, RFC 5545 text rules, and a parse by a
/// real parser (python icalendar).
final class CalendarTests: XCTestCase {
    let copenhagen = TimeZone(identifier: "Europe/Copenhagen") ?? .current

    func export(language: String = "en", now: Date = SummaryFixture.at("2026-12-03", 13.5)) throws -> CalendarExport {
        CalendarExport(
            participant: SummaryFixture.participant(language: language), offers: SummaryFixture.offers(),
            strings: try Summary.localizer(language: language, resources: resourcesURL), timeZone: copenhagen,
            now: now, today: SummaryFixture.today)
    }

    func testTheEventsAreTheBookedSessionsAndTheAppointments() throws {
        let events = try export().events
        XCTAssertEqual(
            events.map(\.uid),
            [
                "o-cv-20261126-1000@stepwise",
                "p-maja-x-first-next@stepwise",
                "o-cv-20261210-1000@stepwise",
                "o-visit-20261215-0900@stepwise",
                "p-maja-conversation-2@stepwise",
                "p-maja-conversation-3@stepwise",
            ], "booked sessions (not the waitlist, not others' offers), open conversations, the agreed meeting")
        let meeting = try XCTUnwrap(events.first { $0.uid == "p-maja-x-first-next@stepwise" })
        XCTAssertEqual(meeting.start, "10:00")
        XCTAssertEqual(meeting.location, "Jobhuset")
        XCTAssertEqual(meeting.description, "I call Anna on Monday")
        let conversation = try XCTUnwrap(events.first { $0.uid == "p-maja-conversation-2@stepwise" })
        XCTAssertNil(conversation.start, "mandatory conversations are all-day events")
        XCTAssertEqual(conversation.summary, "Mandatory conversation 2 with my coach")
    }

    func testUIDsAreTheSameInEveryExport() throws {
        let first = try export(now: SummaryFixture.at("2026-12-03", 9)).ics()
        let later = try export(language: "de", now: SummaryFixture.at("2026-12-20", 16)).ics()
        func uids(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { $0.hasPrefix("UID:") } }
        XCTAssertEqual(uids(first), uids(later))
        XCTAssertNotEqual(first, later, "the stamp and the language differ")
    }

    func testTheFileFollowsRFC5545() throws {
        let text = try export().ics()
        XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
        XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
        XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends in CRLF")
        XCTAssertTrue(text.contains("DTSTAMP:20261203T133000Z\r\n"))
        XCTAssertTrue(text.contains("DTSTART;TZID=Europe/Copenhagen:20261210T100000\r\nDTEND;TZID=Europe/Copenhagen:20261210T120000\r\n"))
        XCTAssertTrue(text.contains("DTSTART;VALUE=DATE:20261228\r\nDTEND;VALUE=DATE:20261229\r\n"))
        XCTAssertTrue(text.contains("LOCATION:Nordlager A/S\\; gate 3\r\n"))
        XCTAssertTrue(text.contains("LOCATION:Jobhuset\\, Vestergade 1\r\n"))
        XCTAssertTrue(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Copenhagen\r\n"))
        XCTAssertTrue(text.contains("TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
        XCTAssertTrue(text.contains("TZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"))
        XCTAssertEqual(text.components(separatedBy: "BEGIN:VEVENT").count - 1, 6)
        for line in text.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(line.utf8.count, 75, "line longer than 75 octets: \(line)")
        }
    }

    func testTextIsEscapedAndLongLinesFoldWithoutSplittingCharacters() throws {
        XCTAssertEqual(ICalendar.escape("a\\b;c,d\ne\r\nf\u{1B}"), "a\\\\b\\;c\\,d\\ne\\nf ")
        let long = "DESCRIPTION:" + String(repeating: "æøå€ 😀 ", count: 30)
        let folded = ICalendar.fold(long)
        let physical = folded.components(separatedBy: "\r\n")
        XCTAssertGreaterThan(physical.count, 3)
        for (index, line) in physical.enumerated() {
            XCTAssertLessThanOrEqual(line.utf8.count, 75)
            if index > 0 { XCTAssertTrue(line.hasPrefix(" "), "a continuation starts with a space") }
            XCTAssertNotNil(String(data: Data(line.utf8), encoding: .utf8))
        }
        // Unfolding gives back the line; no byte sequence was split (each piece decodes alone).
        XCTAssertEqual(folded.replacingOccurrences(of: "\r\n ", with: ""), long)
        let bytes = Array(folded.utf8)
        var start = 0
        for index in 0..<bytes.count - 1 where bytes[index] == 13 && bytes[index + 1] == 10 {
            XCTAssertNotNil(String(bytes: bytes[start..<index], encoding: .utf8), "a fold split a character")
            start = index + 2
        }
        XCTAssertEqual(ICalendar.fold("SUMMARY:short"), "SUMMARY:short")
    }

    func testTheDefaultTimeZone() {
        let utc = TimeZone(identifier: "UTC") ?? .current
        XCTAssertEqual(CalendarExport.defaultTimeZone(environment: [:], current: utc).identifier, "Europe/Copenhagen")
        XCTAssertEqual(
            CalendarExport.defaultTimeZone(environment: ["STEPWISE_TIMEZONE": "Europe/Stockholm"], current: utc).identifier,
            "Europe/Stockholm")
        let berlin = TimeZone(identifier: "Europe/Berlin") ?? utc
        XCTAssertEqual(
            CalendarExport.defaultTimeZone(environment: ["STEPWISE_TIMEZONE": "Not/AZone"], current: berlin).identifier,
            "Europe/Berlin")
    }

    func testPythonICalendarReadsTheFile() throws {
        let temp = TempStore()
        let folder = temp.url
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { temp.cleanUp() }
        var participant = SummaryFixture.participant(language: "da")
        participant.sessions[0].next?.contact =
            "Ring til Anna, mandag; husk: \"CV\" \\ papirer\nog en lang linje " + String(repeating: "æøå ", count: 30)
        let export = CalendarExport(
            participant: participant, offers: SummaryFixture.offers(),
            strings: try Summary.localizer(language: "da", resources: resourcesURL), timeZone: copenhagen,
            now: SummaryFixture.at("2026-12-03"), today: SummaryFixture.today)
        let file = folder.appendingPathComponent("plan.ics")
        try Data(export.ics().utf8).write(to: file)
        let events = try ICalendarParser.events(in: file)
        XCTAssertEqual(events.count, 6)
        let meeting = try XCTUnwrap(events.first { $0["uid"] == "p-maja-x-first-next@stepwise" })
        XCTAssertEqual(meeting["description"], participant.sessions[0].next?.contact)
        XCTAssertEqual(meeting["start"], "2026-12-08T10:00:00+01:00")
        XCTAssertEqual(meeting["tz"], "Europe/Copenhagen")
        let visit = try XCTUnwrap(events.first { $0["uid"] == "o-visit-20261215-0900@stepwise" })
        XCTAssertEqual(visit["summary"], "Company visit: Nordlager")
        XCTAssertEqual(visit["location"], "Nordlager A/S; gate 3")
        XCTAssertEqual(visit["end"], "2026-12-15T11:30:00+01:00")
        let conversation = try XCTUnwrap(events.first { $0["uid"] == "p-maja-conversation-3@stepwise" })
        XCTAssertEqual(conversation["start"], "2027-03-22")
        XCTAssertEqual(conversation["summary"], "Obligatorisk samtale 3 med min coach")
    }
}
