import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// The data folder holds only what Stepwise put there: symbolic links, FIFOs and over-large
/// input planted in it are named, never followed, never block the program, never written.
final class HostileFolderTests: EndToEndTestCase {
    /// A participant id and an offer id of the demo data.
    private func ids() throws -> (participant: String, offer: String) {
        let participant = try XCTUnwrap(participantFiles().first?.object["id"] as? String)
        let offers = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("offers").path)
        let offer = try XCTUnwrap(offers.filter { $0.hasSuffix(".json") }.sorted().first).replacingOccurrences(of: ".json", with: "")
        return (participant, offer)
    }

    private func mode(_ path: String) -> mode_t {
        var info = stat()
        stat(path, &info)
        return info.st_mode & 0o777
    }

    func testCheckNamesSymbolicLinksAndNeverFollowsThemEvenInALoop() throws {
        try makeDemo()
        symlink(data.appendingPathComponent("loop-b").path, data.appendingPathComponent("loop-a").path)
        symlink(data.appendingPathComponent("loop-a").path, data.appendingPathComponent("loop-b").path)
        symlink("/etc", data.appendingPathComponent("history-old").path)
        let check = try CLI.run(["check", "--data", data.path], timeout: 15)
        XCTAssertEqual(check.status, 1, check.stdout)
        for name in ["loop-a", "loop-b", "history-old"] {
            XCTAssertTrue(check.stdout.contains("\(name): is a symbolic link"), check.stdout)
        }
        XCTAssertFalse(check.stdout.contains("passwd"), "nothing behind the link is walked: \(check.stdout)")
    }

    func testADataFolderGivenAsALinkToARealFolderIsFine() throws {
        try makeDemo()
        let link = root.appendingPathComponent("data-link")
        XCTAssertEqual(symlink(data.path, link.path), 0)
        let check = try CLI.run(["check", "--data", link.path])
        XCTAssertEqual(check.status, 0, check.stdout + check.stderr)
        let list = try CLI.run(["list", "--data", link.path])
        XCTAssertEqual(list.status, 0, list.stderr)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, demoCount)
    }

    func testALocksFolderReplacedByALinkIsNeitherChmodedNorWrittenThrough() throws {
        try makeDemo()
        let (participant, offer) = try ids()
        let outside = root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        chmod(outside.path, 0o755)
        let locks = data.appendingPathComponent("locks")
        try FileManager.default.removeItem(at: locks)
        XCTAssertEqual(symlink(outside.path, locks.path), 0)

        let book = try stepwise(["book", participant, offer])
        XCTAssertEqual(book.status, 1, book.stdout)
        XCTAssertTrue(book.stderr.contains("is a symbolic link"), book.stderr)
        XCTAssertEqual(mode(outside.path), 0o755, "the link's target was not chmod-ed")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [], "nothing was written through the link")
        let check = try stepwise(["check"])
        XCTAssertTrue(check.stdout.contains("locks: is a symbolic link"), check.stdout)
    }

    func testFIFOsInPlaceOfDataFilesNeverHangTheProgram() throws {
        try makeDemo()
        let (participant, offer) = try ids()
        XCTAssertEqual(try stepwise(["list"]).status, 0)
        for name in ["caseload-index.jsonl", "audit.log"] {
            let path = data.appendingPathComponent(name).path
            unlink(path)
            XCTAssertEqual(mkfifo(path, 0o600), 0)
        }
        let secondOffer = data.appendingPathComponent("offers/o-fifo.json").path
        XCTAssertEqual(mkfifo(secondOffer, 0o600), 0)

        let commands: [[String]] = [["list"], ["offers", "list"], ["export", participant], ["book", participant, offer], ["check"]]
        for command in commands {
            let result = try CLI.run(command + ["--data", data.path], timeout: 15)
            XCTAssertNotEqual(result.status, 128 + SIGKILL, "\(command) ended")
            if command == ["list"] { XCTAssertEqual(result.stdout.split(separator: "\n").count, demoCount, result.stderr) }
            if command == ["check"] {
                XCTAssertTrue(result.stdout.contains("audit.log: is a FIFO"), result.stdout)
                XCTAssertTrue(result.stdout.contains("offers/o-fifo.json: is a FIFO"), result.stdout)
            }
        }
    }

    func testAnOverLargeCellIsRefusedNamingTheRowAndColumnAndNothingIsWritten() throws {
        try makeDemo()
        let before = try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("offers").path).sorted()
        let csv = root.appendingPathComponent("big.csv")
        let text = "title,kind,capacity,description\nSmall,workshop,5,fine\nHuge,workshop,5,\(String(repeating: "x", count: 2_000_000))\n"
        try text.write(to: csv, atomically: true, encoding: .utf8)
        let result = try stepwise(["offers", "import", csv.path])
        XCTAssertEqual(result.status, 1, result.stdout)
        XCTAssertTrue(
            result.stderr.contains("line 3, column 'description': holds 2000 kB; a cell may hold at most 500 kB"),
            result.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("offers").path).sorted(), before)
        XCTAssertEqual(try stepwise(["check"]).status, 0)
    }
}
