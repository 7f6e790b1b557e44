import Foundation
import StepwiseTestSupport
import XCTest

@testable import StepwiseCore

/// A small tmpfs mounted for one test (the tests run as root), with a filler file that fills
/// it to the last byte on demand; unmounted afterwards.
final class SmallDisk {
    let url: URL
    private var filler: URL { url.appendingPathComponent("filler") }

    /// Mounts a tmpfs of `size` bytes and `inodes` inodes; skips the test when mounting is not
    /// permitted (not root, or no mount namespace rights).
    init(size: Int, inodes: Int = 4_000) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-disk-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(size),nr_inodes=\(inodes),mode=0700", "tmpfs", url.path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: url)
            throw XCTSkip("mounting a tmpfs is not permitted here (needs root); the full-disk cases cannot run")
        }
    }

    /// The data folder on the small disk.
    var data: URL { url.appendingPathComponent("data") }

    /// Fills the disk completely, then frees `pages` pages of 4096 bytes.
    func fill(leavingPages pages: Int = 0) {
        let fd = open(filler.path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let block = [UInt8](repeating: 0x78, count: 4096)
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        var info = stat()
        fstat(fd, &info)
        ftruncate(fd, max(0, info.st_size - off_t(pages * 4096)))
    }

    /// Gives all the filler's space back.
    func empty() { unlink(filler.path) }

    func remountReadOnly() {
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-o", "remount,ro", url.path]
        try? mount.run()
        mount.waitUntilExit()
    }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = ["-l", url.path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(at: url)
    }
}

/// Writes that fail on a full disk leave nothing behind that could be taken for data, and say
/// the real reason (issue: "a failed write never leaves a lie behind").
final class FullDiskTests: XCTestCase {
    private var disk: SmallDisk?
    private var store: DataStore { DataStore(root: disk?.data ?? URL(fileURLWithPath: "/nonexistent")) }
    private let t0 = Date(timeIntervalSince1970: 1_790_000_000)

    override func setUpWithError() throws {
        disk = try SmallDisk(size: 1_000_000)
        try store.prepare()
    }

    override func tearDown() {
        disk?.unmount()
        disk = nil
    }

    private func participant(_ id: String = "p-aaa") throws -> Participant {
        let participant = Participant(
            id: id, name: "Vera Vang", language: "da", courseStart: day("2026-01-05"),
            by: Stamp(by: "Anna", at: t0))
        try store.save(participant)
        return participant
    }

    private func version(_ number: Int, goalLength: Int = 20, by coach: String = "Anna") -> PlanVersion {
        let editor = PlanEditor(author: .citizen, name: "Vera", now: t0, today: day("2026-01-05"))
        var plan = Plan()
        let change = editor.addGoal(kind: .job, text: String(repeating: "g", count: goalLength), in: &plan)
        plan.version = number
        return PlanVersion(version: number, stamp: Stamp(by: coach, at: t0), author: .citizen, change: change, plan: plan)
    }

    /// Pads `url` with one readable line so that its size leaves `free` bytes in its last
    /// 4096-byte page: the next append longer than that is cut short by a full disk.
    private func pad(_ url: URL, leaving free: Int, line: (Int) -> String) throws {
        let size = (try? Data(contentsOf: url).count) ?? 0
        let target = (size / 4096 + 2) * 4096 - free
        let text = line(target - size - line(0).utf8.count - 1)
        XCTAssertEqual(text.utf8.count + 1, target - size)
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        handle.write(Data((text + "\n").utf8))
        try handle.close()
    }

    // MARK: Locks

    func testAnEditLockThatCannotBeWrittenIsNotHeldAndTheRecordOpensReadOnly() throws {
        _ = try participant()
        disk?.fill()
        let lockFile = store.locksDir.appendingPathComponent("p-aaa.lock")
        XCTAssertThrowsError(try store.lockParticipant("p-aaa", as: anna)) { error in
            XCTAssertTrue("\(error)".contains("No space left on device"), "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockFile.path), "no empty lock file stays behind")

        let editing = try store.openForEditing("p-aaa", as: anna)
        XCTAssertFalse(editing.isEditable)
        XCTAssertNil(editing.heldBy)
        XCTAssertEqual(editing.lockFailure?.code, ENOSPC)
        XCTAssertEqual(editing.participant.name, "Vera Vang")
        XCTAssertFalse(FileManager.default.fileExists(atPath: lockFile.path))
    }

    func testARecordInAReadOnlyDataFolderOpensReadOnlyWithTheReason() throws {
        _ = try participant()
        disk?.remountReadOnly()
        let editing = try store.openForEditing("p-aaa", as: anna)
        XCTAssertFalse(editing.isEditable)
        XCTAssertEqual(editing.lockFailure?.code, EROFS)
        XCTAssertEqual(editing.participant.name, "Vera Vang")
        XCTAssertEqual(store.loadCaseload().count, 1, "the caseload can be listed")
    }

    func testAShortLockThatCannotBeWrittenIsNotHeld() throws {
        try AtomicFile.makeDirectory(store.locksDir)
        disk?.fill()
        let path = store.locksDir.appendingPathComponent("offer-o-one.lock").path
        XCTAssertThrowsError(try ExclusiveLock.acquire(path: path, as: anna, timeout: 1)) { error in
            XCTAssertEqual((error as? AtomicFile.WriteError)?.code, ENOSPC, "\(error)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: path))
    }

    // MARK: Appends

    func testAHistoryAppendOnAFullDiskLeavesNoHalfLineAndSaysWhy() throws {
        _ = try participant()
        try store.appendHistory(version(1), participant: "p-aaa")
        let url = try store.historyFile("p-aaa")
        try pad(url, leaving: 100) { padding in
            String(
                decoding: try! RecordCodec.lineForTest(self.version(2, by: String(repeating: "A", count: padding))).dropLast(),
                as: UTF8.self)
        }
        let before = try Data(contentsOf: url)
        disk?.fill()
        XCTAssertThrowsError(try store.appendHistory(version(3, goalLength: 3_000), participant: "p-aaa")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("No space left on device"), text)
            XCTAssertTrue(text.contains("the record was saved"), text)
            XCTAssertFalse(text.contains("File exists"), text)
        }
        XCTAssertEqual(try Data(contentsOf: url), before, "the file is cut back to where the append began")
        XCTAssertEqual(DataCheck.run(store).filter { $0.file.hasPrefix("history/") }, [])
        disk?.empty()
        try store.appendHistory(version(4), participant: "p-aaa")
        XCTAssertEqual(store.loadHistory(participant: "p-aaa").map(\.version), [1, 2, 4])
    }

    func testATornLastLineIsReportedByCheckAndCutOffByTheNextAppendKeepingTheLinesBefore() throws {
        _ = try participant()
        try store.appendHistory(version(1), participant: "p-aaa")
        try store.appendHistory(version(2), participant: "p-aaa")
        let url = try store.historyFile("p-aaa")
        let whole = try RecordCodec.lineForTest(version(3))
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        handle.write(whole.prefix(whole.count / 2))
        try handle.close()

        let problems = DataCheck.run(store)
        XCTAssertEqual(problems.map(\.file), ["history/p-aaa.jsonl"], "\(problems)")
        XCTAssertTrue(problems.first?.reason.contains("line 3 is cut off") ?? false, "\(problems)")

        try store.appendHistory(version(4), participant: "p-aaa")
        XCTAssertEqual(store.loadHistory(participant: "p-aaa").map(\.version), [1, 2, 4])
        XCTAssertEqual(DataCheck.run(store), [])
    }

    func testAnAuditAppendOnAFullDiskLeavesNoHalfLine() throws {
        let log = AuditLog(store: store)
        try log.record(.opened, participant: "p-aaa", by: anna, at: t0)
        try pad(log.url, leaving: 40) { padding in
            #"{"action":"opened","at":"2026-01-01T00:00:00Z","coach":"\#(String(repeating: "A", count: max(0, padding)))","host":"h","participant":"p-aaa","user":"u"}"#
        }
        let before = try Data(contentsOf: log.url)
        XCTAssertEqual(log.entries().count, 2)
        disk?.fill()
        XCTAssertThrowsError(try log.record(.changed, participant: "p-aaa", by: anna, at: t0)) { error in
            XCTAssertTrue("\(error)".contains("No space left on device"), "\(error)")
        }
        XCTAssertEqual(try Data(contentsOf: log.url), before)
        disk?.empty()
        try log.record(.printed, participant: "p-aaa", by: anna, at: t0)
        XCTAssertEqual(log.entries().map(\.action), [.opened, .opened, .printed])
        XCTAssertEqual(DataCheck.run(store), [])
    }

    func testATornAuditLineIsReportedWithItsLineNumber() throws {
        let log = AuditLog(store: store)
        try log.record(.opened, participant: "p-aaa", by: anna, at: t0)
        let handle = try FileHandle(forWritingTo: log.url)
        handle.seekToEndOfFile()
        handle.write(Data(#"{"action":"chan"#.utf8))
        try handle.close()
        XCTAssertEqual(
            DataCheck.run(store).map(\.description),
            ["audit.log: line 2 is cut off (a write was interrupted); it is removed at the next write, the lines before it are kept"])
    }

    // MARK: Erasure

    /// p-aaa holds the only seat of o-one, p-bbb waits for it; p-aaa has history and audit lines.
    private func erasureFixture() throws {
        _ = try participant("p-aaa")
        _ = try participant("p-bbb")
        try store.save(
            Offer(
                id: "o-one", title: "Værksted", kind: "workshop", description: "", sessions: [], place: "her",
                capacity: 1, language: "da"))
        let bookings = BookingStore(store: store, identity: anna)
        _ = try bookings.book("p-aaa", into: "o-one")
        _ = try bookings.book("p-bbb", into: "o-one")
        try store.appendHistory(version(1), participant: "p-aaa")
        try AuditLog(store: store).record(.opened, participant: "p-aaa", by: anna, at: t0)
        XCTAssertEqual(store.loadCaseload().count, 2)
    }

    func testAnErasureOnANearlyFullDiskThatFinishesSaysItFinished() throws {
        try erasureFixture()
        // Room for the edit lock and the offer's lock, not for the offer's new file: the
        // seat is released only by the second pass, after the record's files freed space.
        disk?.fill(leavingPages: 2)
        let report = try Erasure.erase("p-aaa", in: store, as: anna)
        XCTAssertEqual(report.problems, [], "the erasure finished")
        XCTAssertTrue(report.isFinished)
        XCTAssertTrue(try Erasure.inventory(of: "p-aaa", in: store).isEmpty)
        XCTAssertEqual(try store.loadOffer("o-one").booked.map(\.participantId), ["p-bbb"])
    }

    func testAnErasureOnAFullDiskErasesNothingAndSaysWhy() throws {
        try erasureFixture()
        let before = try Erasure.inventory(of: "p-aaa", in: store)
        disk?.fill()
        XCTAssertThrowsError(try Erasure.erase("p-aaa", in: store, as: anna)) { error in
            XCTAssertTrue("\(error)".contains("No space left on device"), "\(error)")
        }
        XCTAssertEqual(try Erasure.inventory(of: "p-aaa", in: store), before, "nothing was erased, and a re-run has all to do")
        disk?.empty()
        XCTAssertTrue(try Erasure.erase("p-aaa", in: store, as: anna).isFinished)
    }

    // MARK: Import

    private func catalogue(rows: Int) -> Data {
        var text = "title,kind,capacity,description\n"
        for index in 1...rows { text += "Workshop \(index),workshop,\(index % 7 + 3),\(String(repeating: "d", count: 300))\n" }
        return Data(text.utf8)
    }

    private func importOnFullDisk(freePages: Int) throws {
        disk?.fill(leavingPages: freePages)
        let report = OfferImport.run(catalogue(rows: 60), into: BookingStore(store: store, identity: anna), skipBad: false)
        XCTAssertTrue(report.refused, "free pages \(freePages): \(report.added.count) added")
        XCTAssertEqual(report.problems, [], "a write failure is not a bad row")
        XCTAssertTrue(report.writeFailure?.contains("No space left on device") ?? false, "\(String(describing: report.writeFailure))")
        XCTAssertEqual(report.added, [])
        XCTAssertEqual(store.offerIDs(), [], "nothing imported with \(freePages) pages free")
        XCTAssertEqual(DataFolder.names(in: store.offersDir), [], "no temp files stay behind")
        XCTAssertEqual(DataFolder.names(in: store.locksDir), [], "no lock files stay behind")
    }

    func testAnImportOnADiskThatFillsImportsNothingAndSaysItCouldNotWrite() throws {
        // Room for some offers, not for the locks of all: today the first ones are written.
        try importOnFullDisk(freePages: 30)
    }

    func testAnImportWhoseFilesDoNotAllFitImportsNothing() throws {
        // Room for every lock and some of the files.
        try importOnFullDisk(freePages: 80)
        disk?.empty()
        let report = OfferImport.run(catalogue(rows: 60), into: BookingStore(store: store, identity: anna), skipBad: false)
        XCTAssertEqual(report.added.count, 60)
        XCTAssertEqual(store.offerIDs().count, 60)
    }
}

extension RecordCodec {
    /// One history line as `appendHistory` writes it.
    static func lineForTest(_ version: PlanVersion) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(version) + Data([0x0A])
    }
}
