import Foundation
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// A crash never offers Swift's interactive backtracer on the shared screen, whatever the
/// environment says.
final class CrashScreenTests: EndToEndTestCase {
    func testACrashDoesNotOfferTheInteractiveBacktracerWhateverTheEnvironment() throws {
        try makeDemo()
        for setting in ["", "interactive=yes"] {
            let run = try startTUI(environment: ["SWIFT_BACKTRACE": setting], keepShell: true)
            run.tmux.waitFor(participantsLine())
            let pid = try run.waitForPID()
            kill(pid, SIGSEGV)
            XCTAssertTrue(E2E.poll(timeout: 10) { !E2E.isRunning(pid) }, "SWIFT_BACKTRACE=\(setting): the program ended by itself")
            let screen = run.tmux.screen()
            XCTAssertFalse(screen.contains("Press space to interact"), "SWIFT_BACKTRACE=\(setting):\n\(screen)")
            XCTAssertFalse(screen.contains("D to debug"), screen)
            run.tmux.kill()
        }
    }
}
