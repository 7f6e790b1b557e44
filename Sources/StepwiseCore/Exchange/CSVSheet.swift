import Foundation

/// A spreadsheet of records with named columns, as the catalogue (`OfferCSV`) and the job
/// board (`JobCSV`) read it: the header line names the columns in any order and any case
/// (`contact name` finds `contactName`), blank header cells are ignored, and each data row
/// becomes its values by column, each `CSVTable.unprotect`ed. Rows with more fields than the
/// header, or fewer, are problems naming their line; blank rows are skipped.
public struct CSVSheet: Sendable {
    /// A bad row or a bad file: the physical line the row starts on, the column, the reason.
    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var line: Int
        public var column: String?
        public var reason: String

        public init(line: Int, column: String?, reason: String) {
            self.line = line
            self.column = column
            self.reason = reason
        }

        public var description: String {
            if let column { return "line \(line), column '\(column)': \(reason)" }
            return "line \(line): \(reason)"
        }
    }

    /// One data row: the line it starts on and its cells by column name.
    public struct Record: Sendable {
        public var line: Int
        public var values: [String: String]
    }

    /// Why the file as a whole cannot be used (empty, an unclosed quote, a bad header).
    public struct Unusable: Error, Sendable {
        public var problems: [Problem]
        public var separator: Character
        public var encoding: String
    }

    /// The rows of the right shape, in file order.
    public var records: [Record]
    /// Rows of the wrong shape.
    public var problems: [Problem]
    /// The columns the header names.
    public var columns: Set<String>
    /// The line of the header.
    public var headerLine: Int
    public var separator: Character
    public var encoding: String

    /// Reads `data` against the known `columns`, of which `required` must be in the header.
    /// Throws `Unusable` when the file cannot be read as CSV, is empty, or has a header with
    /// unknown, repeated or missing columns.
    public static func read(_ data: Data, columns known: [String], required: [String]) throws(Unusable) -> CSVSheet {
        let table: CSVTable
        do {
            table = try CSVTable.read(data)
        } catch {
            throw Unusable(problems: [Problem(line: error.line, column: nil, reason: error.reason)], separator: ",", encoding: "")
        }
        func unusable(_ problems: [Problem]) -> Unusable {
            Unusable(problems: problems, separator: table.separator, encoding: table.encoding)
        }
        guard let header = table.records.first else {
            throw unusable([
                Problem(
                    line: 1, column: nil,
                    reason: "the file is empty (expected a header line such as "
                        + known.prefix(5).joined(separator: String(table.separator)) + ")")
            ])
        }
        var index: [String: Int] = [:]
        var headerProblems: [Problem] = []
        for (position, name) in header.fields.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let key = trimmed.lowercased().filter { $0.isLetter || $0.isNumber }
            guard let column = known.first(where: { $0.lowercased() == key }) else {
                headerProblems.append(
                    Problem(
                        line: header.line, column: trimmed,
                        reason: "is not a known column (known: \(known.joined(separator: ", ")))"))
                continue
            }
            if index[column] != nil {
                headerProblems.append(Problem(line: header.line, column: trimmed, reason: "appears twice"))
            }
            index[column] = position
        }
        for column in required where index[column] == nil {
            headerProblems.append(Problem(line: header.line, column: column, reason: "is missing from the header line"))
        }
        if !headerProblems.isEmpty { throw unusable(headerProblems) }

        var records: [Record] = []
        var problems: [Problem] = []
        for record in table.records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            if record.fields.count < header.fields.count
                || record.fields.dropFirst(header.fields.count).contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
            {
                problems.append(
                    Problem(
                        line: record.line, column: nil,
                        reason: "has \(record.fields.count) fields but the header has \(header.fields.count)"
                            + " (a separator too many or too few, or a quote that closes too early?)"))
                continue
            }
            records.append(Record(line: record.line, values: index.mapValues { CSVTable.unprotect(record.fields[$0]) }))
        }
        return CSVSheet(
            records: records, problems: problems, columns: Set(index.keys), headerLine: header.line,
            separator: table.separator, encoding: table.encoding)
    }

    /// The largest cell of a row when it holds more than `RecordCodec.maxFieldBytes`, or when
    /// `record` would make a file too large to read back, as a problem naming the line and
    /// that column; else nil. `cells` are the row's cells by column.
    public static func sizeProblem<T: Encodable>(line: Int, cells: [(String, String)], record: T, noun: String) -> Problem? {
        guard let largest = cells.max(by: { $0.1.utf8.count < $1.1.utf8.count }) else { return nil }
        let size = largest.1.utf8.count
        if size > RecordCodec.maxFieldBytes {
            return Problem(
                line: line, column: largest.0,
                reason: "holds \(size / 1000) kB; a cell may hold at most \(RecordCodec.maxFieldBytes / 1000) kB")
        }
        if let bytes = try? RecordCodec.encode(record).count, bytes > RecordCodec.maxRecordBytes {
            return Problem(line: line, column: largest.0, reason: "makes the \(noun) too large: it " + RecordCodec.tooLarge(bytes).english)
        }
        return nil
    }

    /// A whole number as typed in a cell (an optional minus and at most 9 digits), else nil.
    static func wholeNumber(_ text: String) -> Int? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text)
    }
}
