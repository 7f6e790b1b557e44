import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A write never replaces what is not a regular file: `--output /dev/null` run as root once
/// renamed a file over the device and broke every program on the machine that writes to it.
final class AtomicFileTargetTests: XCTestCase {
    func testAPipeAtTheTargetIsRefusedAndStaysAPipe() throws {
        let temp = TempStore()
        defer { temp.cleanUp() }
        try FileManager.default.createDirectory(at: temp.url, withIntermediateDirectories: true)
        let pipe = temp.url.appendingPathComponent("out")
        XCTAssertEqual(mkfifo(pipe.path, 0o600), 0)
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: pipe))
        var info = stat()
        XCTAssertEqual(lstat(pipe.path, &info), 0)
        XCTAssertEqual(info.st_mode & S_IFMT, S_IFIFO, "the pipe is still a pipe")
        let left = try FileManager.default.contentsOfDirectory(atPath: temp.url.path)
        XCTAssertEqual(left, ["out"], "no temp file is left beside it")
    }
}
