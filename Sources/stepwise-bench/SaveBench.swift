import Foundation
import StepwiseCore

/// `stepwise-bench saves --data DIR`: the save figures of `measure` alone (no screen, no
/// keys), each sample in the order taken, for looking at one outlier at a time.
func saveBench(root: URL, resources: URL) throws {
    guard let made = readMarker(root) else { throw BenchError("\(root.path) holds no benchmark data set; run generate first") }
    let run = InProcess(store: DataStore(root: root), resources: resources, largestId: made.largestId, largestName: made.largestName)
    emit(try run.saves(ordered: true))
}
