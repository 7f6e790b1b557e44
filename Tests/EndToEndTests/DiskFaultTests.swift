import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The data folder on a small tmpfs of its own (the tests run as root), filled up or made
/// read-only while the program runs: a write that fails leaves nothing behind and is called
/// what it is.
final class DiskFaultTests: EndToEndTestCase {
    private var mounted = false

    override func setUpWithError() throws {
        try super.setUpWithError()
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        let result = try CLI.run(
            ["-t", "tmpfs", "-o", "size=2m,nr_inodes=2000,mode=0700", "tmpfs", data.path],
            executable: "/bin/mount")
        guard result.status == 0 else {
            throw XCTSkip("mounting a tmpfs is not permitted here (needs root): \(result.stderr)")
        }
        mounted = true
    }

    override func tearDownWithError() throws {
        if mounted { _ = try? CLI.run(["-l", data.path], executable: "/bin/umount") }
        try super.tearDownWithError()
    }

    /// Fills the data folder's disk, then frees `pages` pages of 4096 bytes.
    private func fillDisk(leavingPages pages: Int) throws {
        let filler = data.appendingPathComponent(".filler").path
        _ = try CLI.run(
            ["-c", "cat /dev/zero > \(E2E.quote(filler)); truncate -s -\(pages * 4096) \(E2E.quote(filler))"],
            executable: "/bin/sh")
    }

    private func emptyDisk() { unlink(data.appendingPathComponent(".filler").path) }

    private func catalogue(rows: Int) throws -> String {
        var text = "title,kind,capacity,description\n"
        for index in 1...rows { text += "Værksted \(index),workshop,\(index % 7 + 3),\(String(repeating: "d", count: 300))\n" }
        let url = root.appendingPathComponent("catalogue.csv")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    private func offerCount() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("offers").path)) ?? [])
            .filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.count
    }

    private func assertNothingImported(_ result: CLIResult, offersBefore: Int, reason: String, line: UInt = #line) {
        XCTAssertEqual(result.status, 1, line: line)
        XCTAssertTrue(result.stderr.contains("nothing imported: could not write to the data folder"), result.stderr, line: line)
        XCTAssertTrue(result.stderr.contains(reason), result.stderr, line: line)
        XCTAssertFalse(result.stderr.contains("bad row"), "a write failure is not a bad row: \(result.stderr)", line: line)
        XCTAssertFalse(result.stderr.contains("line 2"), "no row is blamed: \(result.stderr)", line: line)
        XCTAssertEqual(offerCount(), offersBefore, "nothing was imported", line: line)
    }

    func testAnImportOnADiskThatFillsUpImportsNothingAndARerunImportsEachRowOnce() throws {
        try makeDemo()
        let before = offerCount()
        let csv = try catalogue(rows: 60)
        try fillDisk(leavingPages: 30)
        assertNothingImported(try stepwise(["offers", "import", csv]), offersBefore: before, reason: "No space left on device")
        emptyDisk()
        let again = try stepwise(["offers", "import", csv])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stdout.contains("60 added"), again.stdout)
        XCTAssertEqual(offerCount(), before + 60)
        let check = try stepwise(["check"])
        XCTAssertEqual(check.status, 0, check.stdout)
    }

    func testAnImportIntoAReadOnlyFolderImportsNothingAndSaysItCouldNotWrite() throws {
        try makeDemo()
        let before = offerCount()
        let csv = try catalogue(rows: 5)
        _ = try CLI.run(["-o", "remount,ro", data.path], executable: "/bin/mount")
        assertNothingImported(try stepwise(["offers", "import", csv]), offersBefore: before, reason: "Read-only file system")
    }
}
