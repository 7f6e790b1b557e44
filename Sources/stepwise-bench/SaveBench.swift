import Foundation
import StepwiseCore

/// `stepwise-bench saves --data DIR`: the save figures of `measure` alone (no screen, no
/// keys) and the app's whole save, each sample in the order taken, for looking at one outlier at a time.
func saveBench(root: URL, resources: URL) throws {
    let run = try inProcess(root: root, resources: resources)
    var figures = try run.saves(ordered: true)
    figures["appSave"] = try run.appSaves()
    emit(figures)
}

/// `stepwise-bench appsaves --data DIR`: the app's whole save alone (`InProcess.appSaves`).
func appSaveBench(root: URL, resources: URL) throws {
    emit(["appSave": try inProcess(root: root, resources: resources).appSaves()])
}

/// The in-process measurements on the data set at `root`; throws when none was generated there.
private func inProcess(root: URL, resources: URL) throws -> InProcess {
    guard let made = readMarker(root) else { throw BenchError("\(root.path) holds no benchmark data set; run generate first") }
    return InProcess(store: DataStore(root: root), resources: resources, largestId: made.largestId, largestName: made.largestName)
}
