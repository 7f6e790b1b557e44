import Foundation
@testable import StepwiseCore

/// A fresh data folder under the temporary directory, removed by `cleanUp()`.
struct TempStore {
    let url: URL
    let store: DataStore

    init() {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-test-" + UUID().uuidString)
        store = DataStore(root: url)
    }

    func cleanUp() { try? FileManager.default.removeItem(at: url) }
}

/// The repository's `Resources/` folder.
let resourcesURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Resources")

let anna = Identity(coach: "Anna", user: "anna", host: "desk-1", pid: getpid())

func day(_ iso: String) -> Day {
    guard let day = Day(iso: iso) else { fatalError("bad test date \(iso)") }
    return day
}

func mode(_ url: URL) -> Int {
    var info = stat()
    stat(url.path, &info)
    return Int(info.st_mode & 0o777)
}
