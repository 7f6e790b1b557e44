import Foundation
import StepwiseCore

/// A fresh data folder under the temporary directory, removed by `cleanUp()`.
public struct TempStore {
    /// The folder (not created until the store writes).
    public let url: URL
    /// A data store on `url`.
    public let store: DataStore

    public init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-test-" + UUID().uuidString)
        store = DataStore(root: url)
    }

    /// Removes the folder and all in it.
    public func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// The repository's `Resources/` folder (strings, schemas, demo data), found from this
/// file's place in the repository (`Sources/StepwiseTestSupport/`).
public let resourcesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Resources")

/// The day of an ISO 8601 date written in a test ("2026-11-22"); stops the test run on a typo.
public func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { fatalError("bad test date \(iso)") }
    return day
}
