import Foundation

/// Brings a catalogue file into the data folder: new offers are added, offers with a known id
/// get the file's details and keep their seats and waitlist. Nothing is written unless every
/// row is good, or `skipBad` is set (then the good rows are written and the bad ones reported).
public enum OfferImport {
    /// What an import did.
    public struct Report: Sendable {
        /// Rows that were bad (and, with `skipBad`, skipped), and problems writing good rows.
        public var problems: [OfferCSV.Problem] = []
        /// Ids of offers added, changed, and already as in the file.
        public var added: [String] = []
        public var changed: [String] = []
        public var unchanged: [String] = []
        /// Journal entries that could not be written (a cancellation or promotion stands).
        public var journalProblems: [String] = []
        /// True when nothing was written because of problems.
        public var refused = false
        /// True when the file as a whole could not be used (empty, a bad header, an open quote).
        public var fileIsBad = false
        public var separator: Character = ","
        public var encoding = ""
    }

    /// Imports `data` (CSV bytes) through `bookings`, which locks each offer as it is written.
    public static func run(_ data: Data, into bookings: BookingStore, skipBad: Bool) -> Report {
        let parsed = OfferCSV.parse(data)
        var report = Report(problems: parsed.problems, separator: parsed.separator, encoding: parsed.encoding)
        if parsed.fileIsBad {
            report.refused = true
            report.fileIsBad = true
            return report
        }
        // Check the rows against the catalogue as it is now, before anything is written.
        var rows: [OfferCSV.Row] = []
        for row in parsed.rows {
            if let existing = try? bookings.store.loadOffer(row.offer.id), row.offer.capacity < existing.booked.count {
                report.problems.append(OfferCSV.Problem(
                    line: row.line, column: "capacity",
                    reason: "is \(row.offer.capacity) but \(existing.booked.count) seats of \(row.offer.id) are already booked"))
            } else {
                rows.append(row)
            }
        }
        report.problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        if !report.problems.isEmpty && !skipBad {
            report.refused = true
            return report
        }
        do {
            try bookings.store.prepare()
        } catch {
            report.problems.append(OfferCSV.Problem(line: 1, column: nil, reason: "the data folder cannot be written: \(error)"))
            report.refused = true
            return report
        }
        for row in rows {
            do {
                var outcome = ""
                let result = try bookings.change(offer: row.offer.id) { existing, now in
                    guard let existing else {
                        outcome = "added"
                        return Booking.Change(offer: row.offer, outcome: .updated(promoted: []), events: [])
                    }
                    let change = try Booking.update(existing, with: OfferCSV.merge(row, into: existing), at: now)
                    outcome = change.offer == existing ? "unchanged" : "changed"
                    return change
                }
                switch outcome {
                case "added": report.added.append(row.offer.id)
                case "changed": report.changed.append(row.offer.id)
                default: report.unchanged.append(row.offer.id)
                }
                report.journalProblems += result.journalProblems
            } catch {
                report.problems.append(OfferCSV.Problem(line: row.line, column: nil, reason: "\(error)"))
            }
        }
        return report
    }
}
