import Foundation
import StepwiseCore
import StepwiseUI

/// The caseload read on another thread by `App.confirmCaseload`, handed to the main thread.
final class Confirmation: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: (rows: [CaseloadRow], folder: FolderStamp?)?

    func deliver(_ rows: [CaseloadRow], folder: FolderStamp?) {
        condition.lock()
        result = (rows, folder)
        condition.broadcast()
        condition.unlock()
    }

    /// The result, or nil when it is not there yet (with `wait`, waits for it).
    func take(wait: Bool) -> (rows: [CaseloadRow], folder: FolderStamp?)? {
        condition.lock()
        defer { condition.unlock() }
        while wait && result == nil { condition.wait() }
        return result
    }
}
