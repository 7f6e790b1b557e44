import Foundation
import StepwiseCore
import StepwiseUI

/// The caseload read on another thread by `App.confirmCaseload`, handed to the main thread in
/// up to two stages: when the caseload shown holds only its first rows, first the whole index's
/// rows as they are (`CaseloadIndex.loadIfUnchanged(anyFolder:)`, so that a search or a move
/// past the first rows soon has everyone), then the rows checked against every file
/// (`CaseloadIndex.load(confirming:)`, which keeps the rows of the first stage where their files
/// did not change). The index is never read twice at once.
final class Confirmation: @unchecked Sendable {
    /// The first stage.
    private enum IndexRows {
        /// Not asked for (the whole caseload is shown already), or taken.
        case none
        /// Asked for, not there yet.
        case reading
        /// Read: the rows, or nil when the index could not give them (the check's rows follow).
        case read(Caseload?)
    }

    private let condition = NSCondition()
    private var indexRows: IndexRows
    private var result: (rows: Caseload, folder: FolderStamp?)?

    /// A check; `readsIndexRows` when it hands over the index's rows first.
    init(readsIndexRows: Bool) {
        indexRows = readsIndexRows ? .reading : .none
    }

    /// Hands over the index's rows as they are (nil when the index could not give them).
    func deliver(indexRows rows: Caseload?) {
        condition.lock()
        indexRows = .read(rows)
        condition.broadcast()
        condition.unlock()
        _ = Confirmation.trimMalloc?(0)
    }

    /// Hands over the rows; then gives the memory the check worked in (the folder listing,
    /// the index as read: 5–7 MB at 100,000 participants) back to the system. Freed memory of
    /// this thread's allocation arena is otherwise kept by the C library, and what the main
    /// thread allocates later (a search, a record opened) comes on top of it.
    func deliver(_ rows: Caseload, folder: FolderStamp?) {
        condition.lock()
        result = (rows, folder)
        condition.broadcast()
        condition.unlock()
        _ = Confirmation.trimMalloc?(0)
    }

    /// glibc's `malloc_trim(pad)`, which Swift's Glibc module does not declare, looked up
    /// once by name; nil where the C library has none.
    private static let trimMalloc: (@convention(c) (Int) -> Int32)? = {
        guard let symbol = dlsym(nil, "malloc_trim") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)
    }()

    /// True while the index's rows were asked for and have not come yet.
    var isReadingIndexRows: Bool {
        condition.lock()
        defer { condition.unlock() }
        if case .reading = indexRows { return result == nil }
        return false
    }

    /// The index's rows once, when they came (with `wait`, waits until they or the checked
    /// rows came); nil when not there yet, not asked for, taken, or when the index could not
    /// give them.
    func takeIndexRows(wait: Bool) -> Caseload? {
        condition.lock()
        defer { condition.unlock() }
        while wait, case .reading = indexRows, result == nil { condition.wait() }
        guard case .read(let rows) = indexRows else { return nil }
        indexRows = .none
        return rows
    }

    /// The result, or nil when it is not there yet (with `wait`, waits for it).
    func take(wait: Bool) -> (rows: Caseload, folder: FolderStamp?)? {
        condition.lock()
        defer { condition.unlock() }
        while wait && result == nil { condition.wait() }
        // The checked rows make the index's rows needless.
        if result != nil { indexRows = .none }
        return result
    }
}
