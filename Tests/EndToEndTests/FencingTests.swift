import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A process that stalls while it holds a short lock (a suspended laptop, a paused machine)
/// may lose the lock as stale; when it resumes it must not commit over what was written
/// meanwhile. The stall is made on purpose with strace's fault injection: the fsync of the
/// new offer file (the second fsync of `book`, after the lock file's) is delayed.
final class FencingTests: EndToEndTestCase {
    private func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try stepwise(arguments)
        return try XCTUnwrap(try JSONSerialization.jsonObject(with: result.stdoutData) as? [[String: Any]], result.stderr)
    }

    /// Starts `stepwise arguments` under strace with the second fsync delayed by `delay` seconds.
    private func stalled(_ arguments: [String], delay: Int, output: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/strace")
        process.arguments =
            [
                "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync",
                "-e", "inject=fsync:delay_enter=\(delay * 1_000_000):when=2", E2E.binary,
            ] + arguments + ["--data", data.path]
        var environment = ProcessInfo.processInfo.environment
        for name in E2E.cleared { environment[name] = nil }
        process.environment = environment.merging(E2E.environment) { $1 }
        FileManager.default.createFile(atPath: output.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func testAProcessThatStallsPastItsLockCommitsNothingOverABookingMadeMeanwhile() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/strace") else {
            throw XCTSkip("strace is not installed (apt-get install strace)")
        }
        try makeDemo()
        let participants = try json(["list", "--json"]).compactMap { $0["id"] as? String }
        let offer = try XCTUnwrap(try json(["offers", "list", "--json"]).first { ($0["free"] as? Int ?? 0) >= 2 }?["id"] as? String)
        let (first, second) = (participants[0], participants[1])
        let lock = data.appendingPathComponent("locks/offer-\(offer).lock")

        let output = root.appendingPathComponent("stalled.out")
        let stalledBooking = try stalled(["book", first, offer], delay: 5, output: output)
        defer { if stalledBooking.isRunning { stalledBooking.terminate() } }
        XCTAssertTrue(E2E.poll(timeout: 10) { FileManager.default.fileExists(atPath: lock.path) }, "the stalled booking holds the lock")
        usleep(300_000)
        // Meanwhile the lock looks abandoned: it is older than the 2 minutes after which a
        // short lock is taken over (its token stays as it was).
        let claim = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(contentsOf: lock)) as? [String: Any])
        var old = claim
        old["since"] = ISO8601DateFormatter().string(from: Date().addingTimeInterval(-600))
        try JSONSerialization.data(withJSONObject: old).write(to: lock)

        let other = try stepwise(["book", second, offer])
        XCTAssertEqual(other.status, 0, other.stderr)
        XCTAssertTrue(stalledBooking.isRunning, "the first booking was still stalled while the second was made")
        stalledBooking.waitUntilExit()
        XCTAssertEqual(stalledBooking.terminationStatus, 0)

        let file = try XCTUnwrap(
            try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("offers/\(offer).json")))
                as? [String: Any])
        let seats = (file["booked"] as? [[String: Any]] ?? []).compactMap { $0["participantId"] as? String }
        XCTAssertTrue(seats.contains(first) && seats.contains(second), "both bookings stand: \(seats)")
        XCTAssertEqual(Set(seats).count, seats.count)
        let firstSays = try String(contentsOf: output, encoding: .utf8)
        XCTAssertNotEqual(
            firstSays.components(separatedBy: "seat ").last?.prefix(2), other.stdout.components(separatedBy: "seat ").last?.prefix(2),
            "the two citizens were told different seats: \(firstSays) / \(other.stdout)")
    }
}
