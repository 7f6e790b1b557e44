import Foundation

extension DataStore {
    /// Every participant as a caseload row, sorted by name; unreadable files come last.
    ///
    /// Reads the caseload index (`caseload-index.jsonl`) and checks every participant file
    /// against it by `stat` alone; only files that are new or changed since the index was
    /// written are parsed, and the index is repaired. See `CaseloadIndex`.
    public func loadCaseload() -> Caseload {
        CaseloadIndex(store: self).load().rows
    }
}
