import Foundation
import XCTest

/// Reads an iCalendar file with python's `icalendar` package, as another program would.
public enum ICalendarParser {
    static let script = """
        import datetime, json, sys
        try:
            import icalendar
        except ImportError:
            print("NO-ICALENDAR"); sys.exit(3)
        calendar = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
        events = []
        for event in calendar.walk("VEVENT"):
            start = event.decoded("DTSTART")
            end = event.decoded("DTEND") if "DTEND" in event else None
            if "DURATION" in event:
                # An exact duration (RFC 5545 3.3.6), counted in UTC, not on the wall clock.
                end = (start.astimezone(datetime.timezone.utc) + event.decoded("DURATION")).astimezone(start.tzinfo)
            tz = event["DTSTART"].params.get("TZID", "")
            modified = event.decoded("LAST-MODIFIED").isoformat() if "LAST-MODIFIED" in event else ""
            alarms = ",".join(str(alarm.decoded("TRIGGER")) for alarm in event.walk("VALARM"))
            events.append({"uid": str(event["UID"]), "summary": str(event.get("SUMMARY", "")),
                           "location": str(event.get("LOCATION", "")), "description": str(event.get("DESCRIPTION", "")),
                           "start": start.isoformat(), "end": end.isoformat() if end is not None else "", "tz": tz,
                           "sequence": str(event.get("SEQUENCE", "")), "status": str(event.get("STATUS", "")),
                           "modified": modified, "alarms": alarms})
        print(json.dumps(events))
        """

    /// The events as dictionaries (uid, summary, location, description, start, end (from
    /// DTEND or DURATION), tz, sequence, status, modified, alarms (the triggers));
    /// skips the test when python3 or icalendar is missing.
    public static func events(in file: URL) throws -> [[String: String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, file.path]
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do { try process.run() } catch { throw XCTSkip("python3 cannot be run: \(error)") }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 { throw XCTSkip("python3 is not installed") }
        if process.terminationStatus == 3 { throw XCTSkip("the python icalendar package is not installed (make deps-test installs it)") }
        guard process.terminationStatus == 0 else {
            XCTFail("icalendar could not read the file: \(problem)")
            return []
        }
        return try JSONDecoder().decode([[String: String]].self, from: data)
    }
}
