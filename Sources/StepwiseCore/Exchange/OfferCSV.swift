import Foundation

/// The offer catalogue as a spreadsheet: one row per offer, one column per field.
///
/// Columns (the header names them, in any order and any case; only `title`, `kind` and
/// `capacity` must be there):
///
/// - `id`: the offer's id; empty for a new offer (an id is made). Keep it to update an offer.
/// - `title`, `kind` (a built-in kind by its code such as `workshop` or by its name in any of
///   the four languages, such as "Virksomhedsbesøg" or "Arbeitserprobung", in any case; any
///   other word makes a kind of your own), `status` (`open` or
///   `cancelled`, empty for open), `description`, `place` (an address or `online`),
///   `capacity` (seats), `waitlist` (how many may wait: empty for no limit, 0 for none),
///   `language` (da, sv, de, en, …), `suits` (who it suits).
/// - `sessions`: the meetings, separated by `|` or line breaks, each a date and two times:
///   `2026-12-03 10:00-12:00|10.12.2026 10.00-12.00`. Dates are ISO or day first
///   (3.12.2026, 03.12.2026, 3/12/2026, 03-12-2026).
/// - `facilitators`: `Name (role)` separated by `|`, the role one of coach, peer trainer,
///   employer, teacher.
/// - Internships: `employer`, `contactName`, `contactPhone`, `contactEmail`,
///   `internshipStart`, `internshipEnd` (dates), `hoursPerWeek` (`7.5` or `7,5`), `tasks`.
///
/// Cells a spreadsheet would turn into something else (a formula such as `=1+1`, a phone
/// number with leading zeros) are written with a leading `'` and read back without it
/// (`CSVTable.protect`). A session at a time the local clock skips or repeats (the nights
/// summer time begins and ends) is refused.
///
/// Seats, the waitlist and each participant's placement (their adjustments and follow-up
/// meetings, kept in their own record) concern participants and are not part of the
/// spreadsheet; an import keeps them,
/// and keeps the fields of any column the file leaves out.
public enum OfferCSV {
    /// The columns an export writes, in order.
    public static let columns = [
        "id", "title", "kind", "status", "sessions", "place", "capacity", "waitlist", "language", "suits",
        "facilitators", "description", "employer", "contactName", "contactPhone", "contactEmail",
        "internshipStart", "internshipEnd", "hoursPerWeek", "tasks",
    ]
    static let required = ["title", "kind", "capacity"]

    /// A bad row or a bad file: the physical line the row starts on, the column, the reason.
    public typealias Problem = CSVSheet.Problem

    /// One good row: the offer it describes (with no seats), whether it named an id, and the
    /// columns the file has (an update leaves the fields of other columns as they are).
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var offer: Offer
        public var hasID: Bool
        public var columns: Set<String>
    }

    /// What a file holds: the good rows, the problems, and how it was written.
    public struct Parsed: Equatable, Sendable {
        public var rows: [Row]
        /// Problems with rows, and with the file as a whole (a bad header, an empty file).
        public var problems: [Problem]
        /// True when the file as a whole cannot be used (no rows can be taken from it).
        public var fileIsBad: Bool
        /// The separator and the encoding found.
        public var separator: Character
        public var encoding: String
    }

    /// Reads a catalogue file. `makeID` gives ids to rows without one; `kinds` maps names of
    /// built-in kinds to their codes (`OfferKind.spellings`); session times are checked
    /// against the clock of `timeZone`.
    public static func parse(
        _ data: Data, kinds: [String: String] = OfferKind.installedSpellings,
        timeZone: TimeZone = CalendarExport.defaultTimeZone(),
        makeID: () -> String = { RecordID.generate(prefix: "o") }
    ) -> Parsed {
        let sheet: CSVSheet
        do {
            sheet = try CSVSheet.read(data, columns: columns, required: required)
        } catch {
            return Parsed(rows: [], problems: error.problems, fileIsBad: true, separator: error.separator, encoding: error.encoding)
        }
        var rows: [Row] = []
        var problems = sheet.problems
        var seen: [String: Int] = [:]
        for record in sheet.records {
            switch row(record.values, line: record.line, columns: sheet.columns, kinds: kinds, timeZone: timeZone, makeID: makeID) {
            case .success(let row):
                if let first = seen[row.offer.id] {
                    problems.append(
                        Problem(
                            line: record.line, column: "id",
                            reason: "\"\(row.offer.id)\" is already used on line \(first)"))
                    continue
                }
                seen[row.offer.id] = record.line
                rows.append(row)
            case .failure(let list):
                problems += list.problems
            }
        }
        if rows.isEmpty && problems.isEmpty {
            return Parsed(
                rows: [], problems: [Problem(line: sheet.headerLine, column: nil, reason: "the file has a header line but no offers")],
                fileIsBad: true, separator: sheet.separator, encoding: sheet.encoding)
        }
        return Parsed(rows: rows, problems: problems, fileIsBad: false, separator: sheet.separator, encoding: sheet.encoding)
    }

    /// The catalogue as CSV, sorted by first session, then title: UTF-8 with a byte-order mark
    /// (so spreadsheet programs read æ, ø, å, ä, ö, ß), CRLF line ends, ISO dates, cells
    /// `CSVTable.protect`ed. With a semicolon or tab separator (the spreadsheets of da, sv and
    /// de settings) decimals are written with a comma (`7,5`), else with a point.
    public static func export(_ offers: [Offer], separator: Character = ",") -> Data {
        let sorted = Offer.sortedInDateOrder(offers)
        return CSVTable.write([columns] + sorted.map { fields($0, decimalComma: separator != ",") }, separator: separator)
    }

    /// The separator a spreadsheet in the settings of `language` expects: a semicolon where
    /// the comma is the decimal sign (da, sv, de, and the other continental languages named
    /// here), else a comma.
    public static func separator(forLanguage language: String) -> Character {
        let decimalComma: Set<String> = ["da", "sv", "de", "nb", "nn", "no", "fi", "fr", "nl", "it", "es", "pl"]
        return decimalComma.contains(language.lowercased()) ? ";" : ","
    }

    /// The export fields of one offer, in the order of `columns`.
    static func fields(_ offer: Offer, decimalComma: Bool = false) -> [String] {
        let internship = offer.internship
        return [
            offer.id, offer.title, offer.kind, offer.status.rawValue,
            offer.sessions.map { "\($0.day.iso) \($0.start)-\($0.end)" }.joined(separator: "|"),
            offer.place, String(offer.capacity), offer.waitlistLimit.map(String.init) ?? "", offer.language, offer.suits,
            offer.facilitators.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: "|"),
            offer.description,
            internship?.employer ?? "", internship?.contact.name ?? "", internship?.contact.phone ?? "",
            internship?.contact.email ?? "", internship?.start?.iso ?? "", internship?.end?.iso ?? "",
            internship?.hoursPerWeek.map { number($0, decimalComma: decimalComma) } ?? "", internship?.tasks ?? "",
        ]
    }

    /// The catalogue fields of `row` on top of `existing`: fields of columns the file does not
    /// have stay as they are, and so do an older file's adjustments not yet moved to the
    /// participant they were agreed for (see `PlacementMigration`). Seats and the waitlist are
    /// `Booking.update`'s.
    public static func merge(_ row: Row, into existing: Offer) -> Offer {
        var merged = row.offer
        let has = row.columns
        if !has.contains("status") { merged.status = existing.status }
        if !has.contains("description") { merged.description = existing.description }
        if !has.contains("sessions") { merged.sessions = existing.sessions }
        if !has.contains("place") { merged.place = existing.place }
        if !has.contains("waitlist") { merged.waitlistLimit = existing.waitlistLimit }
        if !has.contains("language") { merged.language = existing.language }
        if !has.contains("suits") { merged.suits = existing.suits }
        if !has.contains("facilitators") { merged.facilitators = existing.facilitators }
        let old = existing.internship ?? Internship()
        var internship = merged.internship ?? Internship()
        if !has.contains("employer") { internship.employer = old.employer }
        if !has.contains("contactName") { internship.contact.name = old.contact.name }
        if !has.contains("contactPhone") { internship.contact.phone = old.contact.phone }
        if !has.contains("contactEmail") { internship.contact.email = old.contact.email }
        if !has.contains("internshipStart") { internship.start = old.start }
        if !has.contains("internshipEnd") { internship.end = old.end }
        if !has.contains("hoursPerWeek") { internship.hoursPerWeek = old.hoursPerWeek }
        if !has.contains("tasks") { internship.tasks = old.tasks }
        internship.unmoved = old.unmoved
        merged.internship = internship == Internship() ? nil : internship
        return merged
    }

    // MARK: - Reading one row

    private struct Problems: Error { var problems: [Problem] }

    private static func row(
        _ values: [String: String], line: Int, columns: Set<String>, kinds: [String: String],
        timeZone: TimeZone, makeID: () -> String
    ) -> Result<Row, Problems> {
        var problems: [Problem] = []
        func fail(_ column: String, _ reason: String) { problems.append(Problem(line: line, column: column, reason: reason)) }
        func text(_ column: String) -> String { values[column] ?? "" }
        func trimmed(_ column: String) -> String { text(column).trimmingCharacters(in: .whitespacesAndNewlines) }

        let givenID = trimmed("id")
        if !givenID.isEmpty && !RecordID.isValid(givenID) {
            fail(
                "id",
                "\"\(givenID.prefix(40))\" is not a valid id (lowercase letters, digits and inner hyphens, "
                    + "at most 64); leave it empty for a new offer")
        }
        let title = trimmed("title")
        if title.isEmpty { fail("title", "is empty") }
        let kind = OfferKind.builtIn(named: trimmed("kind"), in: kinds) ?? trimmed("kind")
        if kind.isEmpty { fail("kind", "is empty (for example \(OfferKind.builtIn.prefix(4).joined(separator: ", ")))") }

        let capacityText = trimmed("capacity")
        var capacity = 0
        if capacityText.isEmpty {
            fail("capacity", "is empty (the number of seats)")
        } else if let number = CSVSheet.wholeNumber(capacityText) {
            if number < 0 { fail("capacity", "is \(number); it must be 0 or more") } else { capacity = number }
        } else {
            fail("capacity", "\"\(capacityText.prefix(40))\" is not a whole number of seats")
        }

        var waitlist: Int? = nil
        let waitlistText = trimmed("waitlist").lowercased()
        if ["none", "no", "nej", "nein", "ingen"].contains(waitlistText) {
            waitlist = 0
        } else if !waitlistText.isEmpty {
            if let number = CSVSheet.wholeNumber(waitlistText), number >= 0 {
                waitlist = number
            } else {
                fail("waitlist", "\"\(waitlistText.prefix(40))\" is not a whole number (empty for no limit, 0 for no waitlist)")
            }
        }

        var status = Offer.Status.open
        switch trimmed("status").lowercased() {
        case "", "open": status = .open
        case "cancelled", "canceled": status = .cancelled
        case let other: fail("status", "\"\(other.prefix(40))\" is not open or cancelled")
        }

        var sessions: [OfferSession] = []
        for (number, item) in items(text("sessions")).enumerated() {
            switch session(item) {
            case .success(let session):
                if let trouble = clockTrouble(session, in: timeZone) {
                    fail("sessions", "session \(number + 1) \"\(item.prefix(40))\": \(trouble)")
                } else {
                    sessions.append(session)
                }
            case .failure(let kind): fail("sessions", "session \(number + 1) \"\(item.prefix(40))\": \(kind.reason)")
            }
        }

        var facilitators: [Facilitator] = []
        for item in items(text("facilitators")) {
            guard let open = item.lastIndex(of: "("), item.hasSuffix(")") else {
                fail("facilitators", "\"\(item.prefix(40))\" needs a role in brackets, e.g. \"Mette Holm (peer trainer)\"")
                continue
            }
            let name = item[..<open].trimmingCharacters(in: .whitespaces)
            let roleText = String(item[item.index(after: open)..<item.index(before: item.endIndex)])
            guard let role = Facilitator.Role(loose: roleText), !name.isEmpty else {
                fail(
                    "facilitators",
                    name.isEmpty
                        ? "\"\(item.prefix(40))\" has no name"
                        : "\"\(roleText.prefix(30))\" is not a role (coach, peer trainer, employer, teacher)")
                continue
            }
            facilitators.append(Facilitator(name: name, role: role))
        }

        var internship = Internship(
            employer: trimmed("employer"),
            contact: ContactPerson(
                name: trimmed("contactName"), phone: trimmed("contactPhone"),
                email: trimmed("contactEmail")),
            tasks: text("tasks"))
        let email = internship.contact.email
        if !email.isEmpty && (!email.contains("@") || email.contains(where: \.isWhitespace) || email.hasPrefix("@") || email.hasSuffix("@"))
        {
            fail("contactEmail", "\"\(email.prefix(40))\" is not an e-mail address")
        }
        for column in ["internshipStart", "internshipEnd"] where !trimmed(column).isEmpty {
            guard let day = date(trimmed(column)) else {
                fail(column, "\"\(trimmed(column).prefix(40))\" is not a date (use 2026-12-03 or 3.12.2026)")
                continue
            }
            if column == "internshipStart" { internship.start = day } else { internship.end = day }
        }
        if let start = internship.start, let end = internship.end, end < start {
            fail("internshipEnd", "\(end.iso) is before the start \(start.iso)")
        }
        let hoursText = trimmed("hoursPerWeek")
        if !hoursText.isEmpty {
            if let hours = Double(hoursText.replacingOccurrences(of: ",", with: ".")), hours.isFinite, hours >= 0, hours <= 168 {
                internship.hoursPerWeek = hours
            } else {
                fail("hoursPerWeek", "\"\(hoursText.prefix(40))\" is not a number of hours (0 to 168)")
            }
        }

        guard problems.isEmpty else { return .failure(Problems(problems: problems)) }
        var offer = Offer(
            id: givenID.isEmpty ? makeID() : givenID, title: title, kind: kind, description: text("description"),
            sessions: sessions, place: trimmed("place"), capacity: capacity, language: trimmed("language"))
        offer.status = status
        offer.waitlistLimit = waitlist
        offer.suits = text("suits")
        offer.facilitators = facilitators
        offer.internship = internship == Internship() ? nil : internship
        return .success(Row(line: line, offer: offer, hasID: !givenID.isEmpty, columns: columns))
    }

    /// Items of a list field: separated by `|` or line breaks, blank ones dropped.
    static func items(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "|" || $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private static func number(_ value: Double, decimalComma: Bool) -> String {
        let text = value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
        return decimalComma ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// Why a session's start or end cannot be on the clock of `zone` (`LocalTime`), else nil.
    static func clockTrouble(_ session: OfferSession, in zone: TimeZone) -> String? {
        for time in [session.start, session.end] {
            switch LocalTime.check(day: session.day, time: time, in: zone) {
            case .skipped?:
                return "\(time) does not exist on \(session.day.iso) in \(zone.identifier) (the clocks go forward that night)"
            case .repeated?:
                return "\(time) happens twice on \(session.day.iso) in \(zone.identifier) (the clocks go back that night)"
            default: continue
            }
        }
        return nil
    }
}
