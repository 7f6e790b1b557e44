import Foundation

/// One figure of a report.
public enum ReportCell: Equatable, Sendable {
    /// A count of people or things.
    case count(Int)
    /// A share, 0…1, shown as a percentage.
    case share(Double)
    /// A median or other measure.
    case number(Double)
    /// Withheld: it counts fewer than `ReportTable.threshold` people, or would let such a count
    /// be worked out from the others.
    case suppressed
    /// Withheld with the count it is made from (a share, a rate or a median).
    case withheld
    /// Nothing to show (no one to measure).
    case none
}

/// A table of a report: rows of cells under named columns, with what protects the people
/// behind small counts.
///
/// The protection is the usual rule for published statistics (primary and secondary cell
/// suppression): a cell that counts 1 to 4 people is withheld; where cells add up to a
/// published total and some of them are withheld, further ones (the smallest first) are
/// withheld until there are at least two and they add up to at least `threshold` (else the
/// total is withheld), and a withheld total keeps at least one of its parts withheld, so that
/// no withheld figure, nor a small sum of them, can be got back by subtraction or addition; a
/// share, rate or median made from a withheld count, or from fewer than 5 people, is
/// withheld with it.
public struct ReportTable: Equatable, Sendable {
    /// Cells counting fewer people than this are withheld.
    public static let threshold = 5

    /// A place in the table.
    public struct Position: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public init(_ row: Int, _ column: Int) {
            self.row = row
            self.column = column
        }
    }

    /// Cells that add up to a published total.
    public struct Group: Equatable, Sendable {
        public var parts: [Position]
        public var total: Position
    }

    public struct Row: Equatable, Sendable {
        /// A stable name (for CSV and JSON), e.g. `jobFullTime`.
        public var id: String
        public var label: String
        public var cells: [ReportCell]
    }

    /// A stable name, e.g. `results`.
    public var id: String
    public var title: String
    /// Column names (stable ids and labels).
    public var columnIDs: [String]
    public var columns: [String]
    public var rows: [Row]
    /// A remark printed under the table.
    public var note: String?
    /// Columns whose counts are counts of people (the others count seats, offers, sessions).
    public var peopleColumns: Set<Int> = []
    /// Counts that add up to totals.
    public var groups: [Group] = []
    /// Derived cell → the count cells it is made from (withheld when any of them is).
    public var derived: [Position: [Position]] = [:]

    public init(id: String, title: String, columnIDs: [String], columns: [String], rows: [Row], note: String? = nil) {
        self.id = id
        self.title = title
        self.columnIDs = columnIDs
        self.columns = columns
        self.rows = rows
        self.note = note
    }

    public subscript(position: Position) -> ReportCell {
        get { rows[position.row].cells[position.column] }
        set { rows[position.row].cells[position.column] = newValue }
    }

    /// The table with small counts of people withheld, and whatever would give them away.
    public func protected() -> ReportTable {
        var table = self
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.cells.enumerated() where peopleColumns.contains(c) {
                if case .count(let n) = cell, n > 0, n < ReportTable.threshold { table[Position(r, c)] = .suppressed }
            }
        }
        var changed = true
        while changed {
            changed = false
            for group in groups {
                guard let next = table.complement(in: group, counts: self) else { continue }
                table[next] = .suppressed
                changed = true
            }
        }
        for (cell, sources) in derived where sources.contains(where: { table[$0] == .suppressed }) {
            table[cell] = .withheld
        }
        return table
    }

    /// The next cell of `group` to withhold so that its withheld cells cannot be worked out
    /// (complementary suppression), or nil when they cannot; `counts` is the table before
    /// protection, which holds the withheld counts.
    ///
    /// With the total shown, the withheld parts add up to the total less the shown ones: one
    /// withheld part would be given away, and several whose sum is under `threshold` would give
    /// that small sum away, so the smallest shown part that is not 0 is withheld too (a 0 adds
    /// nothing), else the total. A withheld total is the sum of its parts unless one is withheld.
    private func complement(in group: Group, counts: ReportTable) -> Position? {
        let hidden = group.parts.filter { self[$0] == .suppressed }
        let candidates = group.parts.filter { self[$0] != .suppressed && counts.countValue($0) > 0 }
        let smallest = candidates.min { counts.countValue($0) < counts.countValue($1) }
        if self[group.total] == .suppressed { return hidden.isEmpty ? smallest : nil }
        guard !hidden.isEmpty else { return nil }
        let sum = hidden.reduce(0) { $0 + min(counts.countValue($1), ReportTable.threshold) }
        guard hidden.count == 1 || sum < ReportTable.threshold else { return nil }
        return smallest ?? group.total
    }

    private func countValue(_ position: Position) -> Int {
        if case .count(let n) = self[position] { return n }
        return Int.max
    }
}
