import Foundation
import StepwiseCore
import StepwiseUI

/// The caseload read on another thread by `App.confirmCaseload`, handed to the main thread.
final class Confirmation: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: (rows: Caseload, folder: FolderStamp?)?

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

    /// The result, or nil when it is not there yet (with `wait`, waits for it).
    func take(wait: Bool) -> (rows: Caseload, folder: FolderStamp?)? {
        condition.lock()
        defer { condition.unlock() }
        while wait && result == nil { condition.wait() }
        return result
    }
}
