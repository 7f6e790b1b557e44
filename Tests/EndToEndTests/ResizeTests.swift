import Foundation
import XCTest

/// The window changes size while the caseload is open.
final class ResizeTests: EndToEndTestCase {
    func testTooSmallMessageAndResizeStorm() throws {
        try makeDemo()
        let run = try startTUI(width: 80, height: 24)
        let tmux = run.tmux
        tmux.waitFor(participantsLine())

        tmux.resize(width: 40, height: 10)
        var screen = tmux.waitFor("Stepwise needs at least 80×24", wrapped: true)
        XCTAssertTrue(Tmux.flat(screen).contains("The terminal is 40×10."), screen)
        XCTAssertFalse(screen.contains("Caseload"), "no broken caseload under the message:\n\(screen)")

        tmux.resize(width: 80, height: 24)
        screen = tmux.waitFor(participantsLine())
        XCTAssertTrue(screen.contains("Stepwise · Caseload"), screen)
        XCTAssertFalse(screen.contains("needs at least"), screen)

        // A storm of sizes, from far too small to very large.
        var generator = SystemRandomNumberGenerator()
        var sizes: [(Int, Int)] = []
        for index in 0..<30 {
            let size = (Int.random(in: 10...300, using: &generator), Int.random(in: 3...100, using: &generator))
            sizes.append(size)
            tmux.resize(width: size.0, height: size.1)
            if index % 5 == 4 { _ = tmux.screen() }
        }
        let storm = sizes.map { "\($0.0)x\($0.1)" }.joined(separator: " ")
        XCTAssertTrue(run.isRunning, "stepwise ended during the resize storm \(storm); exit \(String(describing: run.exitStatus))")

        // A last small size shows the message with that size; then the caseload comes back.
        tmux.resize(width: 79, height: 24)
        tmux.waitFor("The terminal is 79×24.", wrapped: true)
        tmux.resize(width: 120, height: 40)
        screen = tmux.waitFor(participantsLine())
        XCTAssertTrue(screen.contains("› Åsa Lindqvist"), screen)
        let lines = screen.components(separatedBy: "\n")
        XCTAssertTrue(lines.first?.contains("Coach: Anna") ?? false, "the title bar is drawn at 120 wide:\n\(screen)")
        XCTAssertTrue(lines.contains { $0.contains("q Quit") }, "the footer is drawn:\n\(screen)")
        XCTAssertTrue(run.isRunning, "stepwise is still running after the storm \(storm)")

        tmux.send("q")
        XCTAssertEqual(run.waitForExit(), 0, "after the storm \(storm)")
    }
}
