import Foundation
import StepwiseCore
import XCTest

/// `stepwise calendar ID --output FILE`, read back by python's `icalendar` as a phone's
/// calendar would read it; a second export gives the same UIDs, so importing it updates.
final class CalendarParseTests: EndToEndTestCase {
    func testTheCalendarOfABookedParticipantParsesAndKeepsItsUIDs() throws {
        try makeDemo()
        let person = try XCTUnwrap(participantFiles().first { ($0.object["language"] as? String) == "da" })
        let id = try XCTUnwrap(person.object["id"] as? String)
        // A dated offer with a tricky title and place, booked for the participant.
        let csv = root.appendingPathComponent("offer.csv")
        try
            ("id;title;kind;capacity;sessions;place;language\r\n"
            + "o-ics;\"Værksted: CV, ansøgning; og \"\"netværk\"\"\";workshop;5;3.12.2027 10.00-12.00|10.12.2027 9.30-11.00;"
            + "\"Jobhuset, Vestergade 1; 2. sal\";da\r\n").write(to: csv, atomically: true, encoding: .utf8)
        var result = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        result = try stepwise(["book", id, "o-ics"])
        XCTAssertEqual(result.status, 0, result.stderr)

        let file = root.appendingPathComponent("plan.ics")
        result = try stepwise(
            ["calendar", id, "--output", file.path], environment: ["STEPWISE_TIMEZONE": "Europe/Copenhagen"], umask: "022")
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("wrote "), result.stdout)
        XCTAssertTrue(result.stdout.hasSuffix(" to \(file.path), times in Europe/Copenhagen\n"), result.stdout)
        let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        XCTAssertEqual(mode, 0o600)

        let bytes = try Data(contentsOf: file)
        let raw = String(decoding: bytes, as: UTF8.self)
        XCTAssertFalse(raw.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF line ends")
        for line in raw.components(separatedBy: "\r\n") { XCTAssertLessThanOrEqual(line.utf8.count, 75, line) }

        let events = try parse(file)
        let first = try XCTUnwrap(events.first { $0["uid"] == "o-ics-20271203-1000@stepwise" }, "\(events)")
        XCTAssertEqual(first["summary"], "Værksted: CV, ansøgning; og \"netværk\"")
        XCTAssertEqual(first["location"], "Jobhuset, Vestergade 1; 2. sal")
        XCTAssertEqual(first["start"], "2027-12-03T10:00:00+01:00")
        XCTAssertEqual(first["tz"], "Europe/Copenhagen")
        XCTAssertTrue(first["zones"]?.contains("Europe/Copenhagen") ?? false)
        XCTAssertNotNil(events.first { $0["uid"] == "o-ics-20271210-0930@stepwise" })
        let held = (person.object["conversations"] as? [[String: Any]] ?? []).filter {
            let status = $0["status"] as? String
            return status == "planned" || status == "moved"
        }
        for conversation in held {
            let number = conversation["number"] as? Int ?? 0
            let event = try XCTUnwrap(events.first { $0["uid"] == "\(id)-conversation-\(number)@stepwise" }, "conversation \(number)")
            XCTAssertEqual(event["start"], conversation["planned"] as? String, "an all-day event on the planned day")
            XCTAssertEqual(event["summary"], "Obligatorisk samtale \(number) med min coach")
        }

        // A second export (another language, later) gives the same events with the same UIDs.
        let again = root.appendingPathComponent("again.ics")
        result = try stepwise(["calendar", id, "--output", again.path, "--lang", "en"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let second = try parse(again)
        XCTAssertEqual(Set(second.compactMap { $0["uid"] }), Set(events.compactMap { $0["uid"] }))
        XCTAssertEqual(second.count, events.count)

        // Without --output the file goes to standard output.
        result = try stepwise(["calendar", id])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
    }
}

extension EndToEndTestCase {
    /// Reads an .ics file with python icalendar: one dictionary per event (uid, summary,
    /// location, description, start, tz, zones, stamp, sequence, status).
    func parse(_ file: URL) throws -> [[String: String]] {
        let script = """
            import json, sys
            try:
                import icalendar
            except ImportError:
                sys.exit(3)
            calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
            assert calendar["VERSION"] == "2.0"
            zones = [str(z["TZID"]) for z in calendar.walk("VTIMEZONE")]
            for event in calendar.walk("VEVENT"):
                start = event.decoded("DTSTART")
                print(json.dumps({"uid": str(event["UID"]), "summary": str(event["SUMMARY"]),
                                  "location": str(event.get("LOCATION", "")), "description": str(event.get("DESCRIPTION", "")),
                                  "start": start.isoformat(), "tz": event["DTSTART"].params.get("TZID", ""),
                                  "zones": ",".join(zones), "stamp": event.decoded("DTSTAMP").isoformat(),
                                  "sequence": str(event.get("SEQUENCE", "")), "status": str(event.get("STATUS", ""))}))
            """
        let result = try CLI.run(["python3", "-c", script, file.path], executable: "/usr/bin/env")
        if result.status == 127 { throw XCTSkip("python3 is not installed") }
        if result.status == 3 { throw XCTSkip("the python icalendar package is not installed (make deps-test installs it)") }
        XCTAssertEqual(result.status, 0, "icalendar could not read \(file.lastPathComponent): \(result.stderr)")
        return try result.stdout.split(separator: "\n").map {
            try JSONDecoder().decode([String: String].self, from: Data($0.utf8))
        }
    }
}
