import Foundation

/// The job board as a spreadsheet: one row per job, one column per field, read and written
/// by the same rules as the offer catalogue (`CSVSheet`, `CSVTable`: RFC 4180, any of the
/// separators, cells a spreadsheet would turn into formulas written with a leading `'`).
///
/// Columns (any order, any case; `title` and `employer` must be there):
///
/// - `id`: the job's id; empty for a new job (an id is made). Keep it to update a job.
/// - `title`, `employer`, `place`, `hours` (in words), `howToApply`, `contact` (the person to
///   contact): text, kept as typed; `language` (da, sv, de, en, …).
/// - `deadline`: the last day to apply, ISO or day first (2026-12-18, 18.12.2026); empty
///   for none.
/// - `status`: `open`, `filled` or `expired`; empty for open.
/// - `postedBy`, `postedAt` (ISO 8601, `2026-11-30T09:00:00Z`): who posted a job and when.
///   A new job takes them from the file, else the importing coach and the time of the
///   import; a job already on the board keeps its own.
///
/// Counts of applications are not in the file: they are the citizens' own records.
public enum JobCSV {
    /// The columns an export writes, in order.
    public static let columns = [
        "id", "title", "employer", "place", "hours", "deadline", "howToApply", "contact", "language", "status", "postedBy",
        "postedAt",
    ]
    static let required = ["title", "employer"]

    /// Text columns and the field each fills.
    private static var text: [(String, WritableKeyPath<BoardJob, String>)] {
        [
            ("title", \.title), ("employer", \.employer), ("place", \.place), ("hours", \.hours), ("howToApply", \.howToApply),
            ("contact", \.contact), ("language", \.language),
        ]
    }

    /// One good row: the job it describes and the columns the file has (an update leaves the
    /// fields of other columns as they are).
    public struct Row: Equatable, Sendable {
        public var line: Int
        public var job: BoardJob
        public var columns: Set<String>
    }

    /// What a file holds: the good rows and the problems; `fileIsBad` when no row can be
    /// taken from it (empty, a bad header, a quote never closed).
    public struct Parsed: Sendable {
        public var rows: [Row]
        public var problems: [CSVSheet.Problem]
        public var fileIsBad: Bool
    }

    /// Reads a job board file. Rows without an id get one from `makeID`, and rows without
    /// `postedBy`/`postedAt` get `posted`.
    public static func parse(_ data: Data, posted: Stamp, makeID: () -> String = { RecordID.generate(prefix: "j") }) -> Parsed {
        let sheet: CSVSheet
        do {
            sheet = try CSVSheet.read(data, columns: columns, required: required)
        } catch {
            return Parsed(rows: [], problems: error.problems, fileIsBad: true)
        }
        var rows: [Row] = []
        var problems = sheet.problems
        var seen: [String: Int] = [:]
        for record in sheet.records {
            var rowProblems: [CSVSheet.Problem] = []
            let job = self.job(record.values, posted: posted, makeID: makeID) {
                rowProblems.append(CSVSheet.Problem(line: record.line, column: $0, reason: $1))
            }
            if let first = seen[job.id] {
                rowProblems.append(
                    CSVSheet.Problem(line: record.line, column: "id", reason: "\"\(job.id)\" is already used on line \(first)"))
            }
            let cells = self.cells(job).filter { sheet.columns.contains($0.0) }
            if rowProblems.isEmpty, let tooLarge = CSVSheet.sizeProblem(line: record.line, cells: cells, record: job, noun: "job") {
                rowProblems.append(tooLarge)
            }
            guard rowProblems.isEmpty else {
                problems += rowProblems
                continue
            }
            seen[job.id] = record.line
            rows.append(Row(line: record.line, job: job, columns: sheet.columns))
        }
        if rows.isEmpty && problems.isEmpty {
            problems.append(CSVSheet.Problem(line: sheet.headerLine, column: nil, reason: "the file has a header line but no jobs"))
            return Parsed(rows: [], problems: problems, fileIsBad: true)
        }
        problems.sort { ($0.line, $0.column ?? "") < ($1.line, $1.column ?? "") }
        return Parsed(rows: rows, problems: problems, fileIsBad: false)
    }

    /// The board as CSV, in deadline order (`JobBoard.sorted`): UTF-8 with a byte-order mark,
    /// CRLF line ends, ISO dates, cells `CSVTable.protect`ed.
    public static func export(_ jobs: [BoardJob], separator: Character = ",") -> Data {
        CSVTable.write([columns] + JobBoard.sorted(jobs).map { cells($0).map(\.1) }, separator: separator)
    }

    /// The cells of one job by column, in the order of `columns`.
    public static func cells(_ job: BoardJob) -> [(String, String)] {
        let values: [String] = [
            job.id, job.title, job.employer, job.place, job.hours, job.deadline?.iso ?? "", job.howToApply, job.contact, job.language,
            job.status.rawValue, job.posted.by, stampText(job.posted.at),
        ]
        return Array(zip(columns, values))
    }

    /// The file's fields of `row` on top of `existing`: fields of columns the file does not
    /// have stay as they are, and so does who posted the job and when.
    public static func merge(_ row: Row, into existing: BoardJob) -> BoardJob {
        var merged = existing
        for (column, field) in text where row.columns.contains(column) { merged[keyPath: field] = row.job[keyPath: field] }
        if row.columns.contains("deadline") { merged.deadline = row.job.deadline }
        if row.columns.contains("status") { merged.status = row.job.status }
        return merged
    }

    private static func stampText(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

    /// The job a row describes; each problem goes to `fail` (column, reason).
    private static func job(
        _ values: [String: String], posted: Stamp, makeID: () -> String, fail: (String, String) -> Void
    ) -> BoardJob {
        func trimmed(_ column: String) -> String { (values[column] ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
        let givenID = trimmed("id")
        if !givenID.isEmpty && !RecordID.isValid(givenID) {
            fail(
                "id",
                "\"\(givenID.prefix(40))\" is not a valid id (lowercase letters, digits and inner hyphens, "
                    + "at most 64); leave it empty for a new job")
        }
        var job = BoardJob(id: givenID.isEmpty ? makeID() : givenID, title: "", employer: "", posted: posted)
        // Text is kept as typed (a spreadsheet keeps spaces too); only codes are trimmed.
        for (column, field) in text { job[keyPath: field] = values[column] ?? "" }
        job.language = trimmed("language").lowercased()
        for column in required where trimmed(column).isEmpty { fail(column, "is empty") }
        let deadline = trimmed("deadline")
        if !deadline.isEmpty {
            job.deadline = OfferCSV.date(deadline)
            if job.deadline == nil { fail("deadline", "\"\(deadline.prefix(40))\" is not a date (use 2026-12-18 or 18.12.2026)") }
        }
        let status = trimmed("status").lowercased()
        if let known = status.isEmpty ? .open : BoardJob.Status(rawValue: status) {
            job.status = known
        } else {
            fail("status", "\"\(status.prefix(40))\" is not open, filled or expired")
        }
        if !trimmed("postedBy").isEmpty { job.posted.by = trimmed("postedBy") }
        let at = trimmed("postedAt")
        if !at.isEmpty {
            if let date = ISO8601DateFormatter().date(from: at) {
                job.posted.at = date
            } else {
                fail("postedAt", "\"\(at.prefix(40))\" is not a date and time (use 2026-11-30T09:00:00Z)")
            }
        }
        return job
    }
}

/// Brings a job board file into the data folder: new jobs are added and jobs with a known id
/// get the file's fields. All or nothing: nothing is written unless every row is good, and
/// the rows are written as one `JobBoard` change, so that a data folder that cannot be
/// written (a full disk, a read-only folder) leaves the board as it was and is reported as
/// `writeFailure`, never as a bad row.
public enum JobImport {
    /// What an import did.
    public struct Report: Sendable {
        /// Bad rows, or what is wrong with the file as a whole; nothing was written.
        public var problems: [CSVSheet.Problem] = []
        public var fileIsBad = false
        /// Why the data folder could not be written; then nothing was imported.
        public var writeFailure: String?
        /// Ids of jobs added, changed, and already as in the file.
        public var added: [String] = []
        public var changed: [String] = []
        public var unchanged: [String] = []

        /// True when nothing was written.
        public var refused: Bool { !problems.isEmpty || writeFailure != nil }
    }

    /// Imports `data` (CSV bytes) through `board`; new jobs are posted by its coach at its clock.
    public static func run(_ data: Data, into board: JobBoard) -> Report {
        let parsed = JobCSV.parse(data, posted: Stamp(by: board.identity.coach, at: board.clock()))
        var report = Report(problems: parsed.problems, fileIsBad: parsed.fileIsBad)
        guard !report.refused else { return report }
        let rows = Dictionary(parsed.rows.map { ($0.job.id, $0) }) { first, _ in first }
        var outcomes: [String: String] = [:]
        do {
            _ = try board.change(jobs: parsed.rows.map(\.job.id)) { id, existing, _ in
                guard let row = rows[id] else { throw JobBoard.Failure.unknownJob(id) }
                guard let existing else {
                    outcomes[id] = "added"
                    return row.job
                }
                let merged = JobCSV.merge(row, into: existing)
                outcomes[id] = merged == existing ? "unchanged" : "changed"
                return merged
            }
        } catch {
            report.writeFailure = "\(error)"
            return report
        }
        for row in parsed.rows {
            switch outcomes[row.job.id] {
            case "added": report.added.append(row.job.id)
            case "changed": report.changed.append(row.job.id)
            default: report.unchanged.append(row.job.id)
            }
        }
        return report
    }
}
