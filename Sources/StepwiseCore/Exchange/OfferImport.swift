import Foundation

/// Brings a catalogue file into the data folder: new offers are added, offers with a known id
/// get the file's details and keep their seats and waitlist. Nothing is written unless every
/// row is good, or `skipBad` is set (then the good rows are written and the bad ones reported).
/// The rows that are written are written all or none: when the data folder cannot be written
/// (a full disk, a read-only folder), no offer is added or changed and `Report.writeFailure`
/// says why (write failures are never reported as bad rows).
public enum OfferImport {
    /// What an import did.
    public struct Report: Sendable {
        /// Rows that were bad (and, with `skipBad`, skipped).
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
        /// Why the data folder could not be written (a full disk, a read-only folder, a lock
        /// held too long); then nothing was imported, and no row was bad for it.
        public var writeFailure: String?
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
        var firstLine: [String: Int] = [:]
        for row in parsed.rows {
            if let earlier = firstLine[row.offer.id] {
                report.problems.append(OfferCSV.Problem(line: row.line, column: "id", reason: "is also the id on line \(earlier)"))
                continue
            }
            firstLine[row.offer.id] = row.line
            if let problem = sizeProblem(row) {
                report.problems.append(problem)
            } else if let existing = try? bookings.store.loadOffer(row.offer.id), row.offer.capacity < existing.booked.count {
                report.problems.append(
                    OfferCSV.Problem(
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
            return refuse(report, writing: "\(error)")
        }
        // One change for all rows: every offer file is written before any is put in place, so
        // that a disk filling up or a read-only folder leaves the catalogue as it was.
        var outcomes: [String: String] = [:]
        do {
            let byID = Dictionary(rows.map { ($0.offer.id, $0) }) { first, _ in first }
            let results = try bookings.changeAll(offers: rows.map(\.offer.id)) { id, existing, now in
                guard let row = byID[id] else { throw BookingStore.Failure.unknownOffer(id) }
                guard let existing else {
                    outcomes[id] = "added"
                    return Booking.Change(offer: row.offer, outcome: .updated(promoted: []), events: [])
                }
                let change = try Booking.update(existing, with: OfferCSV.merge(row, into: existing), at: now)
                outcomes[id] = change.offer == existing ? "unchanged" : "changed"
                return change
            }
            report.journalProblems = results.flatMap(\.journalProblems)
        } catch let failure as BookingStore.Failure {
            switch failure {
            case .refused(let refusal, let offer):
                // The catalogue changed since the rows were checked (a seat was booked meanwhile).
                let line = rows.first { $0.offer.id == offer.id }?.line ?? 1
                report.problems.append(
                    OfferCSV.Problem(
                        line: line, column: "capacity",
                        reason: BookingStore.describe(refusal, offer: offer)))
                report.refused = true
                return report
            default:
                return refuse(report, writing: failure.description)
            }
        } catch {
            return refuse(report, writing: "\(error)")
        }
        for row in rows {
            switch outcomes[row.offer.id] {
            case "added": report.added.append(row.offer.id)
            case "changed": report.changed.append(row.offer.id)
            default: report.unchanged.append(row.offer.id)
            }
        }
        return report
    }

    /// A cell over `RecordCodec.maxFieldBytes`, or a row whose offer file would be too large
    /// to read back, named by line and column (the largest cell).
    static func sizeProblem(_ row: OfferCSV.Row) -> OfferCSV.Problem? {
        let cells = zip(OfferCSV.columns, OfferCSV.fields(row.offer)).filter { row.columns.contains($0.0) }
        return CSVSheet.sizeProblem(line: row.line, cells: Array(cells), record: row.offer, noun: "offer")
    }

    /// The report of an import that wrote nothing because the data folder could not be written.
    private static func refuse(_ report: Report, writing reason: String) -> Report {
        var report = report
        report.refused = true
        report.writeFailure = reason
        return report
    }
}
