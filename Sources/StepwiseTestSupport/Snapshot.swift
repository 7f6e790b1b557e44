import Foundation
import XCTest

/// Compares `text` with `Snapshots/<name>.txt` beside the calling test file; the file holds
/// the text ending in one line break. A missing snapshot, or any when `SNAPSHOT_RECORD=1`, is
/// written and the test fails, so that it is looked at. On a difference the test fails with
/// the first differing line and both texts.
public func expectSnapshot(_ text: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
        .appendingPathComponent("Snapshots").appendingPathComponent(name + ".txt")
    let body = text.hasSuffix("\n") ? text : text + "\n"
    let recording = ProcessInfo.processInfo.environment["SNAPSHOT_RECORD"] == "1"
    guard !recording, let stored = try? String(contentsOf: url, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? body.write(to: url, atomically: true, encoding: .utf8)
        XCTFail("recorded snapshot \(name); check it and run again", file: file, line: line)
        return
    }
    guard stored != body else { return }
    let got = body.split(separator: "\n", omittingEmptySubsequences: false)
    let want = stored.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(got.count, want.count)
    XCTFail(
        """
        snapshot \(name) differs at line \(firstDifference + 1) (SNAPSHOT_RECORD=1 re-records)
        --- got
        \(body)
        --- expected
        \(stored)
        """, file: file, line: line)
}
